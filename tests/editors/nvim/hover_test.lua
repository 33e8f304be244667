-- Hover on a name shows the entity card; hover on a quote names its speaker.
local H = dofile((vim.env.COPYDESK_REPO or vim.fn.getcwd()) .. "/tests/editors/nvim/helpers.lua")
H.setup()
local buf = H.open("draft.md")
H.wait_client(buf)

local function hover_at(text, offset)
  local lnum, col = H.locate(buf, text)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = H.position(buf, lnum, col + (offset or 0)),
  }
  return H.hover_text(H.request(buf, "textDocument/hover", params))
end

H.test("hover on a person's name shows the card with name and role", function()
  local text = hover_at("Vasquez said the plan", 2)
  H.contains(text, "Elena Vasquez", "hover card")
  H.contains(text, "Mayor", "hover card role")
end)

H.test("hover inside an attributed quote names the speaker", function()
  local text = hover_at("listened to residents", 3)
  H.contains(text, "Vasquez", "quote hover names the speaker")
end)

H.done()
