;;; pnote-mode.el --- Major mode for pnote prevention policy notes  -*- lexical-binding: t; -*-

;; Font-lock from the same categories as Grammars/README.md, and an eglot entry that
;; starts `pnote lsp'.  Usage:
;;   (load "/path/to/pnote-mode.el")
;;   (add-hook 'pnote-mode-hook #'eglot-ensure)

;;; Code:

(defgroup pnote nil "Prevention policy notes." :group 'languages)

(defcustom pnote-lsp-program '("pnote" "lsp")
  "The command that starts the pnote language server."
  :type '(repeat string) :group 'pnote)

(defconst pnote--keywords
  "domein\\|domain\\|doelgroep\\|target[ \t]+group\\|maatregel\\|interventie\\|measure\\|intervention\\|doel\\|goal\\|indicator\\|kpi\\|begroting\\|budget")

(defconst pnote--levels
  "universe\\(?:el\\|le\\)\\|universal\\|selectie\\(?:f\\|ve\\)\\|selective\\|ge[iï]ndiceerde?\\|indicated\\|zorggerelateerde?\\|care[- ]related\\|prima\\(?:ir\\|ire\\)\\|primary\\|secunda\\(?:ir\\|ire\\)\\|secondary\\|tertia\\(?:ir\\|ire\\)\\|tertiary")

(defconst pnote-font-lock-keywords
  `(("<!--[ \t]*pnote-disable\\(?:-file\\)?\\b.*?-->" 0 font-lock-preprocessor-face t)
    (,(concat "^[ \t]\\{0,3\\}\\(#\\{1,6\\}\\)[ \t]+\\(" pnote--keywords "\\)[ \t]*:")
     (1 font-lock-comment-delimiter-face) (2 font-lock-keyword-face))
    ("{#[^} \t]*}" 0 font-lock-variable-name-face)
    ("^[ \t]\\{0,3\\}#\\{1,6\\}[ \t].*$" 0 font-lock-function-name-face keep)
    ("^[ \t]\\{0,3\\}\\(?:[-*][ \t]+\\)?\\([[:alpha:]][[:alnum:]_-]*\\(?: [[:alnum:]_-]+\\)\\{0,3\\}\\):\\(?:[ \t]\\|$\\)"
     1 font-lock-builtin-face)
    ("\\(?:[[:alnum:]./_-]+\\.pnote\\)?#[[:alnum:]._-]+" 0 font-lock-variable-name-face)
    (,(concat "\\_<\\(?:" pnote--levels "\\)\\_>") 0 font-lock-constant-face)
    ("\\(?:k€\\|€\\|EUR\\)[ \t]*[0-9][0-9.,]*" 0 font-lock-string-face)
    ("\\_<\\(?:19\\|20\\)[0-9][0-9]\\_>" 0 font-lock-string-face))
  "Highlighting for `pnote-mode'.")

;;;###autoload
(define-derived-mode pnote-mode text-mode "pnote"
  "Major mode for pnote prevention policy notes."
  (setq-local font-lock-defaults '(pnote-font-lock-keywords nil t))
  (setq-local comment-start "<!-- ")
  (setq-local comment-end " -->"))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.pnote\\'" . pnote-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(pnote-mode . ,(lambda (&rest _) pnote-lsp-program))))

(provide 'pnote-mode)
;;; pnote-mode.el ends here
