" Vim syntax file for pnote prevention policy notes (*.pnote).
" The groups follow the categories of Grammars/README.md.
if exists("b:current_syntax")
  finish
endif
syntax case ignore

syntax region pnoteFrontMatter start=/\%^\%(\%uFEFF\)\=---\s*$/ end=/^---\s*$/ contains=pnoteFrontKey,pnoteFrontComment keepend
syntax match pnoteFrontKey /^\s*\a[[:alnum:]_ -]*:/ contained nextgroup=pnoteFrontValue skipwhite
syntax match pnoteFrontValue /.*$/ contained contains=pnoteLevel,pnoteYear,pnoteNumber
syntax match pnoteFrontComment /^\s*#.*$/ contained

syntax match pnoteSuppression /<!--\s*pnote-disable\%(-file\)\=\>.\{-}-->/
syntax region pnoteComment start=/<!--\%(\s*pnote-disable\)\@!/ end=/-->/
syntax region pnoteFence start=/^\s\{0,3}\z(```\|\~\~\~\)/ end=/^\s\{0,3}\z1\s*$/

syntax match pnoteBlockHeading /^\s\{0,3}#\{1,6}\s\+\%(domein\|domain\|doelgroep\|target\s\+group\|maatregel\|interventie\|measure\|intervention\|doel\|goal\|indicator\|kpi\|begroting\|budget\)\s*:.*$/ contains=pnoteKeyword,pnoteId
syntax match pnoteKeyword /\%(#\s\+\)\@<=\%(domein\|domain\|doelgroep\|target\s\+group\|maatregel\|interventie\|measure\|intervention\|doel\|goal\|indicator\|kpi\|begroting\|budget\)\s*:/ contained
syntax match pnoteId /{#[^} ]*}/ contained
syntax match pnoteHeading /^\s\{0,3}#\{1,6}\s.*$/ contains=pnoteBlockHeading

syntax match pnoteFieldKey /^\s\{0,3}\%([-*]\s\+\)\=\a[[:alnum:]_-]*\%( [[:alnum:]_-]\+\)\{0,3}:\%(\s\|$\)\@=/ nextgroup=pnoteFieldValue skipwhite
syntax match pnoteFieldValue /.*$/ contained contains=pnoteReference,pnoteLevel,pnoteMoney,pnoteYear,pnoteNumber
syntax match pnoteReference /\%([[:alnum:]./_-]\+\.pnote\)\=#[[:alnum:]._-]\+/ contained
syntax match pnoteLevel /\<\%(universe\%(el\|le\)\|universal\|selectie\%(f\|ve\)\|selective\|ge[iï]ndiceerde\=\|indicated\|zorggerelateerde\=\|care[- ]related\|prima\%(ir\|ire\)\|primary\|secunda\%(ir\|ire\)\|secondary\|tertia\%(ir\|ire\)\|tertiary\)\>/ contained
syntax match pnoteMoney /\%(k€\|€\|EUR\)\s*\d[0-9.,]*\%(,[-–]\)\=\%(\s*\%(mln\|miljoen\|mld\|miljard\|duizend\|million\|bn\|billion\|k\|m\)\>\)\=/ contained
syntax match pnoteYear /\<\%(19\|20\)\d\d\>/ contained
syntax match pnoteNumber /\<\d[0-9.,]*%\=/ contained

highlight default link pnoteFrontMatter PreProc
highlight default link pnoteFrontKey Identifier
highlight default link pnoteFrontValue String
highlight default link pnoteFrontComment Comment
highlight default link pnoteSuppression SpecialComment
highlight default link pnoteComment Comment
highlight default link pnoteFence String
highlight default link pnoteHeading Title
highlight default link pnoteBlockHeading Title
highlight default link pnoteKeyword Keyword
highlight default link pnoteId Identifier
highlight default link pnoteFieldKey Identifier
highlight default link pnoteReference Underlined
highlight default link pnoteLevel Constant
highlight default link pnoteMoney Number
highlight default link pnoteYear Number
highlight default link pnoteNumber Number

let b:current_syntax = "pnote"
