;;; eglot-test.el --- copydesk in real Emacs with eglot, headless  -*- lexical-binding: t; -*-

;; Run: emacs --batch -q -l tests/editors/emacs/eglot-test.el
;; (tests/editors/emacs/run.sh does this).  Loads editors/emacs/copydesk.el as a user's init
;; file would, opens a copy of tests/editors/fixtures/draft.md, and checks that eglot starts
;; the server, that the draft's findings arrive as Flymake diagnostics on the right text,
;; and that a hover answers with the person's card.  Prints one "ok"/"not ok" line per
;; check; exits 0 when all passed.
;;
;; Environment: COPYDESK_REPO (the repository; default: two levels above this file's
;; folder), COPYDESK_SERVER_CMD (default: target/release/copydesk lsp),
;; COPYDESK_TEST_TIMEOUT (seconds per wait, default 20).

;;; Code:

(require 'package)
;; Debian's elpa-* packages (eglot, markdown-mode) live in site-lisp/elpa.
(dolist (dir '("/usr/share/emacs/site-lisp/elpa" "/usr/share/emacs/site-lisp/elpa-src"))
  (when (file-directory-p dir)
    (add-to-list 'package-directory-list dir)))
(package-initialize)

(require 'cl-lib)
(require 'subr-x)

(defvar copydesk-test-repo
  (or (getenv "COPYDESK_REPO")
      (expand-file-name "../../.." (file-name-directory (or load-file-name buffer-file-name)))))

(defvar copydesk-test-timeout
  (string-to-number (or (getenv "COPYDESK_TEST_TIMEOUT") "20")))

(defvar copydesk-test-failures 0)
(defvar copydesk-test-passes 0)

(defun copydesk-test-out (format-string &rest args)
  (princ (concat (apply #'format format-string args) "\n")))

(defmacro copydesk-test (name &rest body)
  "Run BODY as the check NAME: it passes unless it signals an error."
  (declare (indent 1))
  `(condition-case err
       (progn ,@body
              (cl-incf copydesk-test-passes)
              (copydesk-test-out "ok - %s" ,name))
     (error
      (cl-incf copydesk-test-failures)
      (copydesk-test-out "not ok - %s" ,name)
      (copydesk-test-out "#   %s" (error-message-string err)))))

(defun copydesk-test-wait (what predicate)
  "Process input until PREDICATE returns non-nil; return its value, or fail naming WHAT."
  (let ((deadline (+ (float-time) copydesk-test-timeout))
        value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (or value (error "Timed out after %ss waiting for %s" copydesk-test-timeout what))))

(defun copydesk-test-server-command ()
  (let ((env (getenv "COPYDESK_SERVER_CMD")))
    (if (and env (not (string-empty-p env)))
        (split-string env " " t)
      (list (expand-file-name "target/release/copydesk" copydesk-test-repo) "lsp"))))

;; What a user's init file does (README, editors/emacs/copydesk.el), with the test's server.
(setq copydesk-server-command (copydesk-test-server-command))
(add-to-list 'load-path (expand-file-name "editors/emacs" copydesk-test-repo))
(require 'copydesk)
(setq eglot-sync-connect t)

(copydesk-test-out "# Emacs %s, eglot %s, markdown-mode %s, server %s"
                   emacs-version
                   (or (ignore-errors (package-desc-version (cadr (assq 'eglot package-alist)))) "?")
                   (if (fboundp 'markdown-mode) "yes" "no")
                   (string-join copydesk-server-command " "))

(defvar copydesk-test-connect-error nil
  "The error eglot signalled when it started the server, if any.")

(defvar copydesk-test-buffer
  (let* ((dir (make-temp-file "copydesk-eglot-" t))
         (path (expand-file-name "draft.md" dir)))
    (copy-file (expand-file-name "tests/editors/fixtures/draft.md" copydesk-test-repo) path)
    ;; A project root for eglot, as a newsroom's checkout would have.
    (with-temp-file (expand-file-name "copydesk.toml" dir) (insert "# copydesk test\n"))
    (make-directory (expand-file-name ".git" dir))
    (let ((buffer (find-file path)))
      ;; `eglot-ensure' connects from `post-command-hook', after the command that opened the
      ;; file; batch mode has no command loop, so run the hook as it would.
      (with-current-buffer buffer
        (condition-case err
            (run-hooks 'post-command-hook)
          (error (setq copydesk-test-connect-error (error-message-string err)))))
      buffer)))

(defun copydesk-test-diagnostics ()
  "copydesk's Flymake diagnostics of the draft, in buffer order."
  (with-current-buffer copydesk-test-buffer
    (when (and (bound-and-true-p flymake-mode) (not (flymake-diagnostics)))
      (flymake-start))
    (sort (cl-remove-if-not
           (lambda (d) (string-match-p "copydesk" (flymake-diagnostic-text d)))
           (flymake-diagnostics))
          (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))

(defun copydesk-test-text-of (diagnostic)
  (with-current-buffer copydesk-test-buffer
    (buffer-substring-no-properties (flymake-diagnostic-beg diagnostic)
                                    (flymake-diagnostic-end diagnostic))))

(defun copydesk-test-find (pattern diagnostics)
  (cl-find-if (lambda (d) (string-match-p pattern (flymake-diagnostic-text d))) diagnostics))

(copydesk-test "the draft opens in markdown-mode"
  (with-current-buffer copydesk-test-buffer
    (unless (eq major-mode 'markdown-mode)
      (error "Major mode is %s" major-mode))))

(copydesk-test "eglot starts copydesk for the draft"
  (when copydesk-test-connect-error
    (error "eglot could not start the server: %s" copydesk-test-connect-error))
  (let ((server (copydesk-test-wait
                 "eglot to connect"
                 (lambda () (with-current-buffer copydesk-test-buffer (eglot-current-server))))))
    (unless (process-live-p (jsonrpc--process server))
      (error "The server process is not running"))
    (let ((info (plist-get (eglot--server-info server) :name)))
      (unless (equal info "copydesk")
        (error "serverInfo.name is %S" info)))))

(defvar copydesk-test-found
  (ignore-errors
    (copydesk-test-wait
     "copydesk's diagnostics (unattributed quote and name variant)"
     (lambda ()
       (let ((diagnostics (copydesk-test-diagnostics)))
         (and (copydesk-test-find "unattributed-quote" diagnostics)
              (copydesk-test-find "name-variant" diagnostics)
              diagnostics))))))

(copydesk-test "the findings arrive as Flymake diagnostics"
  (unless copydesk-test-found
    (error "Diagnostics: %S"
           (mapcar #'flymake-diagnostic-text (copydesk-test-diagnostics))))
  (dolist (d copydesk-test-found)
    (copydesk-test-out "#   %S on %S" (flymake-diagnostic-text d) (copydesk-test-text-of d))))

(copydesk-test "the name variant is underlined on 'Vasques', with its message"
  (let ((d (copydesk-test-find "name-variant" copydesk-test-found)))
    (unless d (error "No name-variant diagnostic"))
    (unless (equal (copydesk-test-text-of d) "Vasques")
      (error "Range covers %S" (copydesk-test-text-of d)))
    (unless (string-match-p "'Vasques' is spelled 'Vasquez'" (flymake-diagnostic-text d))
      (error "Message: %s" (flymake-diagnostic-text d)))
    (unless (eq (flymake-diagnostic-type d) 'eglot-warning)
      (error "Type %s, not a warning" (flymake-diagnostic-type d)))))

(copydesk-test "the unattributed quote is underlined on the quote, curly marks included"
  (let ((d (copydesk-test-find "unattributed-quote" copydesk-test-found)))
    (unless d (error "No unattributed-quote diagnostic"))
    (unless (equal (copydesk-test-text-of d) "\u201cIt\u2019s the right call for the long term.\u201d")
      (error "Range covers %S" (copydesk-test-text-of d)))))

(defun copydesk-test-hover-at (text offset)
  "The hover answer at OFFSET characters into the first TEXT of the draft, as a string."
  (with-current-buffer copydesk-test-buffer
    (goto-char (point-min))
    (unless (search-forward text nil t) (error "%S is not in the draft" text))
    (goto-char (+ (match-beginning 0) offset))
    (let* ((result (jsonrpc-request (eglot-current-server) :textDocument/hover
                                    (eglot--TextDocumentPositionParams)
                                    :timeout copydesk-test-timeout))
           (contents (plist-get result :contents)))
      (cond ((stringp contents) contents)
            ((plist-get contents :value))
            (t (format "%S" contents))))))

(copydesk-test "a hover on a name answers with the person's card"
  (let ((text (copydesk-test-hover-at "Vasquez said the plan" 2)))
    (copydesk-test-out "#   hover: %S" (truncate-string-to-width text 160))
    (unless (string-match-p "Elena Vasquez" text) (error "Hover: %S" text))
    (unless (string-match-p "Mayor" text) (error "Hover without the role: %S" text))))

(copydesk-test "a hover inside a quote names its speaker"
  (let ((text (copydesk-test-hover-at "listened to residents" 3)))
    (unless (string-match-p "Vasquez" text) (error "Hover: %S" text))))

(copydesk-test "eglot's own hover display (ElDoc) gets the card"
  (with-current-buffer copydesk-test-buffer
    (goto-char (point-min))
    (search-forward "Vasques told")
    (goto-char (match-beginning 0))
    (let (shown)
      (eglot-hover-eldoc-function (lambda (doc &rest _) (setq shown doc)))
      (copydesk-test-wait "ElDoc's hover" (lambda () shown))
      (unless (string-match-p "Vasquez" shown) (error "ElDoc got %S" shown)))))

(ignore-errors
  (with-current-buffer copydesk-test-buffer
    (let ((server (eglot-current-server)))
      (when server (eglot-shutdown server)))))
(copydesk-test-out "# %d passed, %d failed" copydesk-test-passes copydesk-test-failures)
(kill-emacs (if (zerop copydesk-test-failures) 0 1))

;;; eglot-test.el ends here
