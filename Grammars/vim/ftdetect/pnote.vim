" pnote prevention policy notes
autocmd BufRead,BufNewFile *.pnote setfiletype pnote
