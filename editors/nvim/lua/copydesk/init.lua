-- copydesk for Neovim: starts `copydesk lsp` for news drafts and shows the draft's source
-- sheet. Works on Neovim 0.7 and later: it uses vim.lsp.config/vim.lsp.enable where they
-- exist (0.11+), vim.lsp.start on 0.8-0.10, and start_client + buf_attach_client on 0.7.

local M = {}

local defaults = {
  -- The command that serves LSP on stdio.
  cmd = { "copydesk", "lsp" },
  -- Buffers of these filetypes get the server.
  filetypes = { "markdown", "text" },
  -- Sent as initializationOptions and workspace/didChangeConfiguration. Same shape as
  -- copydesk.toml, e.g. { document = { date = "2025-03-06" }, checks = { ["unsupported-number"] = "off" } }.
  settings = {},
  -- The workspace root is the nearest directory holding one of these (else the file's directory).
  root_markers = { "copydesk.toml", ".git" },
  -- Passed through to the client.
  on_attach = nil,
  capabilities = nil,
  -- Use vim.lsp.config/vim.lsp.enable when Neovim has them (0.11+).
  use_lsp_enable = true,
}

M.name = "copydesk"
M.config = vim.deepcopy(defaults)

-- Clients started by this plugin on Neovim < 0.8, keyed by root directory.
local legacy_clients = {}

local uv = vim.uv or vim.loop

local function has_lsp_enable()
  return vim.lsp.config ~= nil and vim.lsp.enable ~= nil and type(vim.lsp.config) == "table"
end

--- A JSON object for the server: an empty Lua table would be sent as an array.
local function settings_object()
  local settings = M.config.settings or {}
  if next(settings) == nil then
    return vim.empty_dict()
  end
  return settings
end

--- The nearest ancestor of the buffer's file holding a root marker, else the file's directory.
function M.root_dir(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local dir = path ~= "" and vim.fn.fnamemodify(path, ":p:h") or uv.cwd()
  local current = dir
  while current and current ~= "" do
    for _, marker in ipairs(M.config.root_markers or {}) do
      if uv.fs_stat(current .. "/" .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current then
      break
    end
    current = parent
  end
  return dir
end

local function client_config(bufnr)
  local cfg = M.config
  local settings = settings_object()
  return {
    name = M.name,
    cmd = cfg.cmd,
    root_dir = M.root_dir(bufnr),
    init_options = settings,
    settings = settings,
    on_attach = cfg.on_attach,
    capabilities = cfg.capabilities,
  }
end

local function wants(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= "" then
    return false
  end
  return vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype)
end

--- Starts (or reuses) the server for a buffer, on Neovim versions without vim.lsp.enable.
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not wants(bufnr) then
    return nil
  end
  local config = client_config(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  -- Neovim 0.7: one client per root, attached to each buffer by hand.
  local id = legacy_clients[config.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(config)
    legacy_clients[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- The copydesk client attached to a buffer, if any.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr, name = M.name })
    or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(clients) do
    if client.name == M.name then
      return client
    end
  end
  return nil
end

--- Sends a request to the buffer's copydesk client and calls back with (err, result).
function M.request(bufnr, method, params, callback)
  local client = M.client(bufnr)
  if not client then
    callback({ message = "copydesk is not running for this buffer" }, nil)
    return
  end
  local function handler(err, result)
    callback(err, result)
  end
  if vim.fn.has("nvim-0.11") == 1 then
    client:request(method, params, handler, bufnr)
  else
    -- 0.7-0.10 call the handler with (err, result, ctx, config) as well; 0.7 also accepts it.
    client.request(method, params, handler, bufnr)
  end
end

local function file_of(sheet)
  if type(sheet) == "table" and type(sheet.files) == "table" then
    return sheet.files[1] or {}
  end
  return sheet or {}
end

local function line_of(node)
  if type(node) == "table" and type(node.start) == "table" and node.start.line then
    return node.start.line
  end
  return nil
end

--- Renders a source sheet (the `copydesk entities --format json` object) as Markdown lines.
function M.render_sources(sheet, title)
  local file = file_of(sheet)
  local lines = { "# Sources: " .. (title or file.path or "draft") }
  if type(file.story_date) == "string" then
    table.insert(lines, "Story date: " .. file.story_date)
  end
  local groups = {
    { kind = "person", heading = "People" },
    { kind = "place", heading = "Places" },
    { kind = "organization", heading = "Organizations" },
  }
  local entities = type(file.entities) == "table" and file.entities or {}
  for _, group in ipairs(groups) do
    table.insert(lines, "")
    table.insert(lines, "## " .. group.heading)
    local any = false
    for _, entity in ipairs(entities) do
      if entity.kind == group.kind then
        any = true
        local item = "- " .. tostring(entity.name)
        if type(entity.role) == "string" and entity.role ~= "" then
          item = item .. ", " .. entity.role
        end
        local notes = {}
        local mentions = type(entity.mentions) == "table" and #entity.mentions or 0
        table.insert(notes, mentions == 1 and "1 mention" or (mentions .. " mentions"))
        local first = line_of(entity.mentions and entity.mentions[1])
        if first then
          table.insert(notes, "first on line " .. first)
        end
        if type(entity.variants) == "table" and #entity.variants > 0 then
          table.insert(notes, "variants: " .. table.concat(entity.variants, ", "))
        end
        table.insert(lines, item .. " (" .. table.concat(notes, "; ") .. ")")
      end
    end
    if not any then
      table.insert(lines, "- none")
    end
  end
  table.insert(lines, "")
  table.insert(lines, "## Quotes")
  local quotes = type(file.quotes) == "table" and file.quotes or {}
  if #quotes == 0 then
    table.insert(lines, "- none")
  end
  for _, quote in ipairs(quotes) do
    local speaker = type(quote.speaker) == "string" and quote.speaker or "NO SPEAKER"
    local text = tostring(quote.text or ""):gsub("%s+", " ")
    local where = line_of(quote) and ("line " .. line_of(quote) .. ", ") or ""
    table.insert(lines, "- " .. where .. speaker .. ": " .. text)
  end
  return lines
end

--- Shows lines in a scratch buffer in a split, reusing the split for the same draft.
local function show_scratch(name, lines)
  local buf = vim.fn.bufnr(name)
  if buf == -1 then
    buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, name)
  end
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "hide"
  vim.bo[buf].swapfile = false
  -- Markdown highlighting without the markdown filetype, so no language server attaches.
  vim.bo[buf].filetype = "copydesk-sources"
  vim.bo[buf].syntax = "markdown"
  local win = vim.fn.bufwinid(buf)
  if win == -1 then
    vim.cmd("botright split")
    vim.api.nvim_win_set_buf(0, buf)
  else
    vim.api.nvim_set_current_win(win)
  end
  return buf
end

--- :CopydeskSources: the current draft's people, places, organizations and quotes.
function M.sources(bufnr, on_done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  local title = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t")
  M.request(bufnr, "copydesk/sourceSheet", params, function(err, result)
    vim.schedule(function()
      if err then
        vim.notify("copydesk: " .. tostring(err.message or err), vim.log.levels.ERROR)
        if on_done then
          on_done(nil)
        end
        return
      end
      local lines = M.render_sources(result, title)
      local buf = show_scratch("copydesk://sources/" .. title, lines)
      if on_done then
        on_done(buf)
      end
    end)
  end)
end

--- Starts the server for matching buffers and defines :CopydeskSources.
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  -- Lists replace, not merge.
  if opts and opts.cmd then
    M.config.cmd = opts.cmd
  end
  if opts and opts.filetypes then
    M.config.filetypes = opts.filetypes
  end

  vim.api.nvim_create_user_command("CopydeskSources", function()
    M.sources(0)
  end, { desc = "copydesk: list the draft's people, places, organizations and quotes" })

  if M.config.use_lsp_enable and has_lsp_enable() then
    local settings = settings_object()
    vim.lsp.config(M.name, {
      cmd = M.config.cmd,
      filetypes = M.config.filetypes,
      root_markers = M.config.root_markers,
      init_options = settings,
      settings = settings,
      on_attach = M.config.on_attach,
      capabilities = M.config.capabilities,
    })
    vim.lsp.enable(M.name)
    return
  end

  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      M.start(bufnr)
    end
  end
end

return M
