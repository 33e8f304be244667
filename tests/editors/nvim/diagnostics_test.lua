-- Opening a draft starts copydesk, whose diagnostics land on the right words, in bytes,
-- whatever position encoding the client and server agreed on.
local H = dofile((vim.env.COPYDESK_REPO or vim.fn.getcwd()) .. "/tests/editors/nvim/helpers.lua")
H.setup()
local buf = H.open("draft.md")

H.test("the client starts for a markdown draft", function()
  local client = H.wait_client(buf)
  H.eq(client.name, "copydesk", "client name")
  H.note("position encoding: " .. tostring(client.offset_encoding))
end)

H.test("a quote standing alone gets unattributed-quote on its own line", function()
  local diagnostics = H.wait_diagnostics(buf, function(ds)
    return H.find_code(ds, "unattributed-quote") ~= nil
  end, "unattributed-quote")
  local lnum, col = H.locate(buf, "“It’s the right call")
  local d = H.find_code(diagnostics, "unattributed-quote")
  H.eq(d.lnum, lnum, "line")
  -- The range covers the quote, with or without its opening mark.
  H.truthy(d.col == col or d.col == col + #"“", "column " .. d.col .. " starts the quote")
  local line = H.line(buf, lnum)
  local covered = line:sub(d.col + 1, d.end_col)
  H.contains(covered, "It’s the right call for the long term.", "quoted text under the range")
  H.eq(d.severity, vim.diagnostic.severity.WARN, "severity")
  for _, other in ipairs(diagnostics) do
    if other.code == "unattributed-quote" then
      H.eq(other.lnum, lnum, "every unattributed-quote is on the lone quote's line")
    end
  end
end)

H.test("the attributed quote is not flagged", function()
  H.wait_diagnostics(buf, function(ds)
    return H.find_code(ds, "unattributed-quote") ~= nil
  end, "the analysis of the draft")
  local lnum = H.locate(buf, "We listened to residents")
  for _, d in ipairs(H.diagnostics(buf)) do
    if d.lnum == lnum then
      H.truthy(d.code ~= "unattributed-quote", "the quote of line " .. lnum .. " is attributed")
    end
  end
end)

H.test("the misspelled name gets name-variant exactly on the word, after multibyte dashes", function()
  local diagnostics = H.wait_diagnostics(buf, function(ds)
    return H.find_code(ds, "name-variant") ~= nil
  end, "name-variant")
  local d = H.find_code(diagnostics, "name-variant")
  local lnum, col = H.locate(buf, "Vasques")
  H.eq(d.lnum, lnum, "line")
  H.eq(d.col, col, "start column (bytes)")
  H.eq(d.end_col, col + #"Vasques", "end column (bytes)")
  H.contains(d.message, "Vasquez", "message names the dominant spelling")
end)

H.done()
