-- pnote for Neovim 0.7 and newer: filetype detection, syntax, and the language server.
--   require or dofile this file, then: require("pnote").setup({ cmd = { "pnote", "lsp" } })
local M = {}

local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  local config = vim.fn.findfile("pnote.json", dir .. ";")
  if config ~= "" then return vim.fn.fnamemodify(config, ":p:h") end
  local git = vim.fn.finddir(".git", dir .. ";")
  if git ~= "" then return vim.fn.fnamemodify(git, ":p:h:h") end
  return dir
end

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { "pnote", "lsp" }
  vim.cmd([[autocmd BufRead,BufNewFile *.pnote setfiletype pnote]])

  if vim.lsp.config and vim.lsp.enable then -- Neovim 0.11+
    vim.lsp.config("pnote", { cmd = cmd, filetypes = { "pnote" }, root_markers = { "pnote.json", ".git" } })
    vim.lsp.enable("pnote")
    return
  end

  vim.api.nvim_create_autocmd("FileType", {
    pattern = "pnote",
    callback = function(args)
      local root = root_of(vim.api.nvim_buf_get_name(args.buf))
      if vim.lsp.start then -- Neovim 0.8 to 0.10
        vim.lsp.start({ name = "pnote", cmd = cmd, root_dir = root })
      else -- Neovim 0.7
        M.clients = M.clients or {}
        if not M.clients[root] then
          M.clients[root] = vim.lsp.start_client({ name = "pnote", cmd = cmd, root_dir = root })
        end
        vim.lsp.buf_attach_client(args.buf, M.clients[root])
      end
    end,
  })
end

return M
