-- Shared helpers for the headless Neovim end-to-end tests. Each test file runs in its own
-- `nvim --headless --clean` process, loads the plugin from editors/nvim, starts the real
-- server, prints one "ok"/"not ok" line per check and exits non-zero when a check failed.

local H = {}

H.repo = vim.env.COPYDESK_REPO or vim.fn.getcwd()
H.fixtures = H.repo .. "/tests/editors/fixtures"
H.timeout = tonumber(vim.env.COPYDESK_TEST_TIMEOUT or "") or 10000

local failures = 0
local passes = 0

local function out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

--- A comment line in the test output.
function H.note(text)
  out("#   " .. text)
end

--- The server command: $COPYDESK_SERVER_CMD (split on spaces) or the release binary.
function H.server_cmd()
  local env = vim.env.COPYDESK_SERVER_CMD
  if env and env ~= "" then
    return vim.split(env, " ", { trimempty = true })
  end
  return { H.repo .. "/target/release/copydesk", "lsp" }
end

--- Loads the plugin from editors/nvim and calls setup with extra options.
function H.setup(opts)
  vim.opt.runtimepath:prepend(H.repo .. "/editors/nvim")
  vim.opt.swapfile = false
  local options = vim.tbl_extend("force", { cmd = H.server_cmd() }, opts or {})
  require("copydesk").setup(options)
  return require("copydesk")
end

--- Copies a fixture into a fresh temporary directory and edits it; returns the buffer.
function H.open(name)
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local path = dir .. "/" .. name
  vim.fn.writefile(vim.fn.readfile(H.fixtures .. "/" .. name, "b"), path, "b")
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end

function H.client(buf)
  return require("copydesk").client(buf)
end

--- Waits until the copydesk client of the buffer is initialized.
function H.wait_client(buf)
  local ok = vim.wait(H.timeout, function()
    local client = H.client(buf)
    return client ~= nil and client.initialized ~= false and client.server_capabilities ~= nil
  end, 50)
  if not ok then
    error("the copydesk client did not start for " .. vim.api.nvim_buf_get_name(buf))
  end
  return H.client(buf)
end

--- copydesk's diagnostics of a buffer, sorted by position.
function H.diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "copydesk" then
      table.insert(list, d)
    end
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return a.col < b.col
  end)
  return list
end

--- Waits until `predicate(diagnostics)` holds; returns the diagnostics (or fails).
function H.wait_diagnostics(buf, predicate, what)
  local got = {}
  local ok = vim.wait(H.timeout, function()
    got = H.diagnostics(buf)
    return predicate(got)
  end, 50)
  if not ok then
    error(("timed out waiting for %s; diagnostics: %s"):format(what or "diagnostics", H.describe(got)))
  end
  return got
end

function H.describe(diagnostics)
  local parts = {}
  for _, d in ipairs(diagnostics) do
    table.insert(
      parts,
      ("%s@%d:%d-%d:%d"):format(tostring(d.code), d.lnum, d.col, d.end_lnum or -1, d.end_col or -1)
    )
  end
  return "[" .. table.concat(parts, ", ") .. "]"
end

function H.find_code(diagnostics, code)
  for _, d in ipairs(diagnostics) do
    if d.code == code then
      return d
    end
  end
  return nil
end

function H.line(buf, lnum)
  return vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ""
end

--- The 0-based line and byte column of the first occurrence of `text` in the buffer.
function H.locate(buf, text)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      return lnum - 1, col - 1
    end
  end
  error("text not in buffer: " .. text)
end

--- An LSP position for a 0-based line and byte column, in the client's encoding.
function H.position(buf, lnum, byte_col)
  local client = H.client(buf)
  local encoding = client.offset_encoding or "utf-16"
  local line = H.line(buf, lnum)
  local character = byte_col
  if encoding ~= "utf-8" then
    if vim.fn.has("nvim-0.11") == 1 then
      character = vim.str_utfindex(line, encoding, byte_col, false)
    else
      local utf32, utf16 = vim.str_utfindex(line, byte_col)
      character = encoding == "utf-16" and utf16 or utf32
    end
  end
  return { line = lnum, character = character }
end

--- Sends a request synchronously to the copydesk client; returns its result.
function H.request(buf, method, params)
  local client = H.client(buf)
  local responses = vim.lsp.buf_request_sync(buf, method, params, H.timeout)
  if not responses then
    error(method .. " got no answer")
  end
  local response = responses[client.id]
  if not response then
    error(method .. " got no answer from copydesk")
  end
  if response.err then
    error(method .. " failed: " .. vim.inspect(response.err))
  end
  return response.result
end

--- The plain text of a hover result.
function H.hover_text(result)
  if not result or not result.contents then
    return ""
  end
  local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
  return table.concat(lines, "\n")
end

function H.eq(actual, expected, what)
  if actual ~= expected then
    error(("%s: expected %s, got %s"):format(what or "value", vim.inspect(expected), vim.inspect(actual)), 2)
  end
end

function H.truthy(value, what)
  if not value then
    error(what or "expected a true value", 2)
  end
end

function H.contains(haystack, needle, what)
  if not tostring(haystack):find(needle, 1, true) then
    error(("%s: %s not found in %s"):format(what or "text", vim.inspect(needle), vim.inspect(haystack)), 2)
  end
end

--- Runs one named check and records its outcome.
function H.test(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    passes = passes + 1
    out("ok - " .. name)
  else
    failures = failures + 1
    out("not ok - " .. name)
    for line in tostring(err):gmatch("[^\n]+") do
      out("#   " .. line)
    end
  end
  return ok
end

--- Reports and exits: 0 when every check passed.
function H.done()
  out(("# %d passed, %d failed"):format(passes, failures))
  if failures > 0 then
    vim.cmd("cquit 1")
  else
    vim.cmd("qall!")
  end
end

return H
