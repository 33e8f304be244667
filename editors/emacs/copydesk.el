;;; copydesk.el --- copydesk's fact-checking language server for news drafts, with eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; Starts `copydesk lsp' through eglot in Markdown and plain-text buffers, so that a draft's
;; findings (quotes with no speaker, a name spelled two ways, impossible dates, numbers
;; with no source ...) show as Flymake diagnostics, with hover cards through ElDoc and the
;; fixes as code actions (M-x eglot-code-actions).
;;
;; Emacs 29 and later have eglot built in.  On Emacs 28 install it: Debian's
;; `apt-get install elpa-eglot', or M-x package-install RET eglot.  Markdown buffers need
;; markdown-mode (Debian: elpa-markdown-mode); without it, .md files open in
;; fundamental-mode and get no server.
;;
;; In your init file:
;;
;;   (add-to-list 'load-path "/path/to/copydesk/editors/emacs")
;;   (require 'copydesk)
;;
;; The server's settings have the shape of copydesk.toml, under the key `copydesk':
;;
;;   (setq-default eglot-workspace-configuration
;;                 '(:copydesk (:checks (:unsupported-number "off"))))

;;; Code:

(require 'eglot)

(defgroup copydesk nil
  "Fact-checking for news drafts with copydesk."
  :group 'tools
  :prefix "copydesk-")

(defcustom copydesk-server-command '("copydesk" "lsp")
  "The command that serves copydesk's language server on stdin and stdout.
Give a full path when `copydesk' is not on `exec-path'."
  :type '(repeat string))

(defcustom copydesk-modes '(markdown-mode gfm-mode text-mode)
  "Major modes whose buffers get copydesk."
  :type '(repeat symbol))

(defun copydesk--contact (&optional _interactive)
  "The server command for eglot: `copydesk-server-command'."
  copydesk-server-command)

(add-to-list 'eglot-server-programs (cons copydesk-modes #'copydesk--contact))

(defun copydesk-eglot-ensure ()
  "Start copydesk through eglot when the buffer's major mode is one of `copydesk-modes'."
  (when (and buffer-file-name (memq major-mode copydesk-modes))
    (eglot-ensure)))

;; `text-mode-hook' also runs in the modes derived from text-mode, markdown-mode among them;
;; `copydesk-eglot-ensure' leaves out the others (commit messages, Org, ...).
(add-hook 'text-mode-hook #'copydesk-eglot-ensure)

(provide 'copydesk)
;;; copydesk.el ends here
