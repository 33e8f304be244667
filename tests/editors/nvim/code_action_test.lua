-- A quick fix comes back as a WorkspaceEdit that Neovim applies to the buffer.
local H = dofile((vim.env.COPYDESK_REPO or vim.fn.getcwd()) .. "/tests/editors/nvim/helpers.lua")
H.setup()
local buf = H.open("draft.md")
local client = H.wait_client(buf)

-- Neovim 0.11 keeps the whole LSP diagnostic in user_data.lsp; 0.7 keeps only some fields.
local function lsp_diagnostic(d)
  local kept = d.user_data and d.user_data.lsp or {}
  if kept.range then
    return kept
  end
  return vim.tbl_extend("force", kept, {
    range = {
      start = H.position(buf, d.lnum, d.col),
      ["end"] = H.position(buf, d.end_lnum, d.end_col),
    },
    message = d.message,
    code = d.code,
    source = d.source,
    severity = d.severity,
  })
end

local function quick_fixes(d)
  local diagnostic = lsp_diagnostic(d)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic } },
  }
  return H.request(buf, "textDocument/codeAction", params) or {}
end

local function apply(action)
  if not action.edit and action.data then
    action = H.request(buf, "codeAction/resolve", action)
  end
  H.truthy(action.edit, "the action carries a WorkspaceEdit: " .. vim.inspect(action))
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
end

H.test("suppressing unattributed-quote inserts the comment above the quote and the finding goes", function()
  local diagnostics = H.wait_diagnostics(buf, function(ds)
    return H.find_code(ds, "unattributed-quote") ~= nil
  end, "unattributed-quote")
  local d = H.find_code(diagnostics, "unattributed-quote")
  local quote_line = H.line(buf, d.lnum)
  local chosen
  for _, action in ipairs(quick_fixes(d)) do
    if action.title and action.title:find("Suppress", 1, true) then
      chosen = chosen or action
    end
  end
  H.truthy(chosen, "a suppress action for unattributed-quote")
  apply(chosen)
  H.eq(H.line(buf, d.lnum), "<!-- copydesk-disable-next-line unattributed-quote -->", "inserted line")
  H.eq(H.line(buf, d.lnum + 1), quote_line, "the quote moved down one line")
  H.wait_diagnostics(buf, function(ds)
    return H.find_code(ds, "unattributed-quote") == nil
  end, "unattributed-quote to go away")
end)

H.test("the name-variant fix replaces the variant with the dominant spelling", function()
  local diagnostics = H.wait_diagnostics(buf, function(ds)
    return H.find_code(ds, "name-variant") ~= nil
  end, "name-variant")
  local d = H.find_code(diagnostics, "name-variant")
  local before = H.line(buf, d.lnum)
  local actions = quick_fixes(d)
  local chosen
  for _, action in ipairs(actions) do
    if action.title and action.title:find("Vasquez", 1, true) and (action.edit or action.data) then
      chosen = chosen or action
    end
  end
  H.truthy(chosen, "a fix naming Vasquez among " .. vim.inspect(vim.tbl_map(function(a)
    return a.title
  end, actions)))
  apply(chosen)
  local expected = before:gsub("Vasques", "Vasquez")
  H.eq(H.line(buf, d.lnum), expected, "line after the fix")
  H.eq(H.line(buf, d.lnum - 2), "“It’s the right call for the long term.”", "other lines untouched")
  H.eq(H.line(buf, d.lnum - 3), "<!-- copydesk-disable-next-line unattributed-quote -->", "the earlier edit stays")
  H.wait_diagnostics(buf, function(ds)
    return H.find_code(ds, "name-variant") == nil
  end, "name-variant to go away after the fix")
end)

H.done()
