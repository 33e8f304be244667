-- setup({ settings = … }) reaches the server as its configuration (same shape as copydesk.toml).
local H = dofile((vim.env.COPYDESK_REPO or vim.fn.getcwd()) .. "/tests/editors/nvim/helpers.lua")
H.setup({
  settings = {
    checks = { ["unattributed-quote"] = "error", ["name-variant"] = "off" },
  },
})
local buf = H.open("draft.md")
H.wait_client(buf)

H.test("a check raised to error in settings comes back as an error", function()
  local diagnostics = H.wait_diagnostics(buf, function(ds)
    local d = H.find_code(ds, "unattributed-quote")
    return d ~= nil and d.severity == vim.diagnostic.severity.ERROR
  end, "unattributed-quote as an error")
  H.truthy(#diagnostics > 0, "diagnostics arrived")
end)

H.test("a check turned off in settings is not reported", function()
  local diagnostics = H.wait_diagnostics(buf, function(ds)
    return H.find_code(ds, "unattributed-quote") ~= nil
  end, "the analysis of the draft")
  -- Give the server time to publish everything it would, then look.
  vim.wait(500)
  diagnostics = H.diagnostics(buf)
  H.eq(H.find_code(diagnostics, "name-variant"), nil, "name-variant is off: " .. H.describe(diagnostics))
end)

H.done()
