-- Neovim headless check of the shipped configuration against `pnote lsp`.
-- PNOTE_CONFIG=EditorConfigs/neovim/pnote.lua PNOTE_BIN=... PNOTE_FILE=...
--   nvim --headless -n -i NONE -u Tests/Editors/nvim_check.lua
-- Prints diagnostics=, hover=, completion= lines on stdout; exits 0, or 1 on failure.
local function out(s) io.stdout:write(s .. "\n") end
local function fail(msg) out("FAIL " .. msg); vim.cmd("cquit 1") end

local pnote = dofile(os.getenv("PNOTE_CONFIG"))
pnote.setup({ cmd = { os.getenv("PNOTE_BIN"), "lsp" } })
vim.cmd("edit " .. os.getenv("PNOTE_FILE"))
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= "pnote" then fail("filetype is " .. vim.bo[buf].filetype) end

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then fail("no diagnostics") end
local codes = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  table.insert(codes, code)
end
table.sort(codes)
out("diagnostics=" .. table.concat(codes, ","))

-- Hover on the level value of the first measure, completion after "- niveau: ".
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local level_line
for i, l in ipairs(lines) do if l:match("^%- niveau:") then level_line = i - 1; break end end
if not level_line then fail("no niveau line") end
local uri = vim.uri_from_bufnr(buf)
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover",
  { textDocument = { uri = uri }, position = { line = level_line, character = 12 } }, 10000)
local text = ""
for _, r in pairs(hover or {}) do if r.result and r.result.contents then text = r.result.contents.value or "" end end
out("hover=" .. (text:gsub("\n", " "):sub(1, 80)))
local completion = vim.lsp.buf_request_sync(buf, "textDocument/completion",
  { textDocument = { uri = uri }, position = { line = level_line, character = 10 } }, 10000)
local labels = {}
for _, r in pairs(completion or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end
out("completion=" .. table.concat(labels, ","))
if #labels == 0 or text == "" then fail("no hover or completion") end
vim.cmd("qall!")
