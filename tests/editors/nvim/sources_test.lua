-- :CopydeskSources lists the draft's people and quotes from copydesk/sourceSheet.
local H = dofile((vim.env.COPYDESK_REPO or vim.fn.getcwd()) .. "/tests/editors/nvim/helpers.lua")
local copydesk = H.setup()
local buf = H.open("draft.md")
H.wait_client(buf)

H.test(":CopydeskSources is defined", function()
  H.eq(vim.fn.exists(":CopydeskSources"), 2, "command exists")
end)

local sheet

H.test("the source sheet opens in a scratch buffer with no server attached", function()
  copydesk.sources(buf, function(b)
    sheet = b or false
  end)
  H.truthy(vim.wait(H.timeout, function()
    return sheet ~= nil
  end, 50), "the source sheet arrived")
  H.truthy(sheet, "the source sheet was shown")
  H.eq(vim.bo[sheet].buftype, "nofile", "scratch buffer")
  H.eq(vim.api.nvim_get_current_buf(), sheet, "the sheet has the focus")
  H.eq(copydesk.client(sheet), nil, "no server attached to the scratch buffer")
end)

local function section(heading)
  local text = table.concat(vim.api.nvim_buf_get_lines(sheet, 0, -1, false), "\n") .. "\n"
  return text:match("## " .. heading .. "\n(.-)\n\n") or text:match("## " .. heading .. "\n(.*)$") or ""
end

H.test("the source sheet lists the quotes with their speakers", function()
  local quotes = section("Quotes")
  local unattributed = quotes:match("[^\n]*It’s the right call[^\n]*") or ""
  H.contains(unattributed, "NO SPEAKER: ", "the unattributed quote")
  local attributed = quotes:match("[^\n]*We listened[^\n]*") or ""
  H.contains(attributed, "Vasquez: ", "the attributed quote names its speaker")
end)

H.test("the source sheet lists the people with their roles", function()
  local people = section("People")
  H.contains(people, "Elena Vasquez", "people section")
  H.contains(people, "Mayor", "people section role")
end)

H.done()
