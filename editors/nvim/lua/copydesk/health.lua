-- :checkhealth copydesk — whether the server is found, which version it is, and the
-- position encoding each running copydesk client agreed with it. Works on Neovim 0.7
-- (require("health").report_*) and on 0.8+ (vim.health.*).

local M = {}

--- The report_* functions of Neovim 0.7's `health` module and 0.8/0.9's vim.health.
local function from_report(h)
  return {
    start = h.report_start,
    ok = h.report_ok,
    info = h.report_info,
    warn = h.report_warn,
    error = h.report_error,
  }
end

local function reporter()
  local h = vim.health
  if h and h.start and h.ok then
    return { start = h.start, ok = h.ok, info = h.info, warn = h.warn, error = h.error }
  end
  if h and h.report_start then
    return from_report(h)
  end
  return from_report(require("health"))
end

--- The running copydesk clients, on every Neovim version.
local function clients()
  local all = vim.lsp.get_clients and vim.lsp.get_clients({ name = "copydesk" }) or vim.lsp.get_active_clients()
  local list = {}
  for _, client in pairs(all) do
    if client.name == "copydesk" then
      table.insert(list, client)
    end
  end
  return list
end

--- The server's `--version` line, or nil and what went wrong.
local function version_of(path)
  local output = vim.fn.system({ path, "--version" })
  if vim.v.shell_error ~= 0 then
    return nil, ("`%s --version` exited with status %d: %s"):format(path, vim.v.shell_error, vim.trim(output))
  end
  output = vim.trim(output)
  if not output:match("^copydesk ") then
    return nil, ("`%s --version` printed %q, not copydesk's version"):format(path, output)
  end
  return output
end

function M.check()
  local report = reporter()
  local plugin = require("copydesk")
  local cmd = plugin.config.cmd or { "copydesk", "lsp" }
  local program = cmd[1]

  report.start("copydesk server")
  if vim.fn.has("nvim-0.7") ~= 1 then
    report.error("Neovim 0.7 or later is needed")
  end
  report.info("command: " .. table.concat(cmd, " "))
  local path = program and vim.fn.exepath(program) or ""
  if path == "" then
    report.error(("server not found: %q is not an executable file or on PATH"):format(tostring(program)), {
      "Install it from the repository root: cargo install --path . --locked",
      'Or give its full path: require("copydesk").setup({ cmd = { "/path/to/copydesk", "lsp" } })',
    })
  else
    report.ok("server found: " .. path)
    local version, problem = version_of(path)
    if version then
      report.ok("version: " .. version)
    else
      report.error(problem)
    end
  end

  report.start("copydesk clients")
  local running = clients()
  if #running == 0 then
    report.info("no copydesk client is running: open a Markdown or text draft (filetypes: "
      .. table.concat(plugin.config.filetypes or {}, ", ")
      .. ")")
  end
  for _, client in ipairs(running) do
    local root = client.root_dir or (client.config and client.config.root_dir) or "none, single file"
    local encoding = client.offset_encoding or "utf-16"
    report.ok(("client %d (root %s): offset encoding %s"):format(client.id, root, encoding))
  end
end

return M
