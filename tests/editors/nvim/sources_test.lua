-- :CopydeskSources lists the draft's people and quotes from copydesk/sourceSheet.
local H = dofile((vim.env.COPYDESK_REPO or vim.fn.getcwd()) .. "/tests/editors/nvim/helpers.lua")
local copydesk = H.setup()
local buf = H.open("draft.md")
H.wait_client(buf)

H.test(":CopydeskSources is defined", function()
  H.eq(vim.fn.exists(":CopydeskSources"), 2, "command exists")
end)

H.test("the source sheet shows people and quotes with their speakers", function()
  local sheet
  copydesk.sources(buf, function(b)
    sheet = b or false
  end)
  H.truthy(vim.wait(H.timeout, function()
    return sheet ~= nil
  end, 50), "the source sheet arrived")
  H.truthy(sheet, "the source sheet was shown")
  local lines = vim.api.nvim_buf_get_lines(sheet, 0, -1, false)
  local text = table.concat(lines, "\n")
  H.contains(text, "## People", "sheet")
  local people = text:match("## People\n(.-)\n\n")
  H.contains(people or "", "Elena Vasquez", "people section")
  H.contains(people or "", "Mayor", "people section role")
  local quotes = text:match("## Quotes\n(.*)$") or ""
  H.contains(quotes, "NO SPEAKER: ", "quotes section marks the unattributed quote")
  H.contains(quotes, "It’s the right call", "quotes section")
  local attributed = quotes:match("[^\n]*We listened[^\n]*") or ""
  H.contains(attributed, "Vasquez: ", "the attributed quote names its speaker")
  H.eq(vim.bo[sheet].buftype, "nofile", "scratch buffer")
  H.eq(copydesk.client(sheet), nil, "no server attached to the scratch buffer")
end)

H.done()
