-- :checkhealth copydesk reports the server's path, its version and the running client's
-- offset encoding, and an error when the server cannot be found.
local H = dofile((vim.env.COPYDESK_REPO or vim.fn.getcwd()) .. "/tests/editors/nvim/helpers.lua")
local copydesk = H.setup()
local buf = H.open("draft.md")
local client = H.wait_client(buf)
local server = vim.fn.exepath(H.server_cmd()[1])
local draft_win = vim.api.nvim_get_current_win()

--- Runs :checkhealth copydesk and returns the report's text.
local function checkhealth()
  vim.cmd("checkhealth copydesk")
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local text = table.concat(lines, "\n")
  -- Back to the draft for the next check.
  vim.cmd("silent! tabonly")
  vim.cmd("silent! only")
  if vim.api.nvim_win_is_valid(draft_win) then
    vim.api.nvim_set_current_win(draft_win)
  end
  vim.api.nvim_set_current_buf(buf)
  return text
end

--- The report's lines that contain `needle`.
local function line_with(text, needle)
  for line in text:gmatch("[^\n]+") do
    if line:find(needle, 1, true) then
      return line
    end
  end
  return nil
end

local report = checkhealth()
H.note("report:")
for line in report:gmatch("[^\n]+") do
  H.note("  " .. line)
end

H.test("the report has the copydesk sections", function()
  H.contains(report, "copydesk server", "report")
  H.contains(report, "copydesk clients", "report")
end)

H.test("the server is found, with its path", function()
  H.truthy(server ~= "", "the test's server is executable")
  local line = line_with(report, "server found: " .. server)
  H.truthy(line, "no 'server found: " .. server .. "' line")
  H.contains(line, "OK", "the server line is an OK")
end)

H.test("the server's version is what `copydesk --version` prints", function()
  local expected = vim.trim(vim.fn.system({ server, "--version" }))
  H.truthy(expected:match("^copydesk %d+%.%d+%.%d+"), "copydesk --version printed " .. expected)
  local line = line_with(report, "version: " .. expected)
  H.truthy(line, "no 'version: " .. expected .. "' line")
  H.contains(line, "OK", "the version line is an OK")
end)

H.test("the running client's offset encoding is reported", function()
  local encoding = client.offset_encoding or "utf-16"
  -- Neovim 0.7 offers no encoding (utf-16); 0.11 offers utf-8 first, which copydesk takes.
  if vim.fn.has("nvim-0.11") == 1 then
    H.eq(encoding, "utf-8", "negotiated encoding on 0.11")
  else
    H.eq(encoding, "utf-16", "negotiated encoding on 0.7")
  end
  local line = line_with(report, "offset encoding " .. encoding)
  H.truthy(line, "no 'offset encoding " .. encoding .. "' line")
  H.contains(line, "client " .. client.id, "the encoding line names the client")
end)

H.test("no errors or warnings when all is well", function()
  H.eq(line_with(report, "ERROR"), nil, "an ERROR line")
  H.eq(line_with(report, "WARNING"), nil, "a WARNING line")
end)

H.test("a server command that does not exist is an error", function()
  local saved = copydesk.config.cmd
  copydesk.config.cmd = { "/nonexistent/copydesk", "lsp" }
  local bad = checkhealth()
  copydesk.config.cmd = saved
  local line = line_with(bad, "server not found")
  H.truthy(line, "no 'server not found' line in:\n" .. bad)
  H.contains(line, "ERROR", "the missing server is an ERROR")
  H.contains(line, "/nonexistent/copydesk", "the error names the command")
  H.eq(line_with(bad, "version:"), nil, "a version line without a server")
end)

H.done()
