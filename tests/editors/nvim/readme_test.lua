-- The README's Neovim snippets, run as written: each ```lua block of README.md's Neovim
-- section runs in its own `nvim --headless --clean` (with /path/to/copydesk replaced by the
-- repository and the server's folder first on PATH), then a draft is opened and must get
-- copydesk's diagnostics.
--
-- - A lazy.nvim spec (a table with `dir`) is loaded as lazy.nvim loads a local plugin: its
--   `dir` on the runtimepath, then its `config` function, or `require(main).setup(opts)`.
--   lazy.nvim itself is not on any registry CI reaches, so it is not installed.
-- - The nvim-lspconfig snippet is not run, for the same reason; the test says so.
-- - vim.lsp.config/vim.lsp.enable snippets run on Neovim 0.11 and later only.
local H = dofile((vim.env.COPYDESK_REPO or vim.fn.getcwd()) .. "/tests/editors/nvim/helpers.lua")

local function readme_blocks()
  local lines = vim.fn.readfile(H.repo .. "/README.md")
  local blocks, in_section, current = {}, false, nil
  for _, line in ipairs(lines) do
    if line:match("^#+ ") then
      in_section = line:match("^### Neovim") ~= nil
    end
    if current then
      if line:match("^```%s*$") then
        table.insert(blocks, table.concat(current, "\n"))
        current = nil
      else
        table.insert(current, line)
      end
    elseif in_section and line:match("^```lua%s*$") then
      current = {}
    end
  end
  return blocks
end

local function kind_of(code)
  if code:find('require("lspconfig")', 1, true) then
    return "lspconfig"
  end
  local first = code:gsub("%-%-[^\n]*", ""):match("^%s*(.)")
  if first == "{" then
    return "lazy"
  end
  if code:find("vim.lsp.enable(", 1, true) and not code:find('require("copydesk")', 1, true) then
    return "builtin"
  end
  return "plugin"
end

local blocks = readme_blocks()
local index = tonumber(vim.env.COPYDESK_README_BLOCK or "")

if not index then
  -- The parent: one child Neovim per block.
  H.test("README.md's Neovim section has lua blocks (plugin, lazy.nvim, nvim-lspconfig)", function()
    local kinds = {}
    for _, code in ipairs(blocks) do
      kinds[kind_of(code)] = true
    end
    H.truthy(kinds.plugin, "a block that loads the plugin")
    H.truthy(kinds.lazy, "a lazy.nvim spec")
    H.truthy(kinds.lspconfig, "an nvim-lspconfig snippet")
  end)
  for i, code in ipairs(blocks) do
    local kind = kind_of(code)
    local name = ("README lua block %d (%s)"):format(i, kind)
    if kind == "lspconfig" then
      H.note(name .. ": not run (nvim-lspconfig is not installable from the registries CI reaches)")
    elseif kind == "builtin" and vim.fn.has("nvim-0.11") ~= 1 then
      H.note(name .. ": needs Neovim 0.11 (vim.lsp.config)")
    else
      H.test(name .. " gives a draft copydesk's diagnostics", function()
        vim.env.COPYDESK_README_BLOCK = tostring(i)
        local output = vim.fn.system({ vim.v.progpath, "--headless", "--clean", "-c", "luafile " .. H.repo .. "/tests/editors/nvim/readme_test.lua" })
        local status = vim.v.shell_error
        vim.env.COPYDESK_README_BLOCK = nil
        for line in output:gmatch("[^\n]+") do
          H.note("  " .. line)
        end
        H.eq(status, 0, "the child Neovim's exit status")
        H.contains(output, "ok - ", "the child's checks")
      end)
    end
  end
  H.done()
  return
end

-- The child: run block `index` as a user's init.lua would.
local code = blocks[index]:gsub("/path/to/copydesk", H.repo)
local server = vim.fn.exepath(H.server_cmd()[1])
vim.env.PATH = vim.fn.fnamemodify(server, ":h") .. ":" .. vim.env.PATH
vim.opt.swapfile = false

H.test("the block runs", function()
  local chunk = assert((loadstring or load)(kind_of(code) == "lazy" and ("return " .. code) or code))
  local result = chunk()
  if kind_of(code) == "lazy" then
    local spec = result
    H.truthy(type(spec) == "table" and spec.dir, "the spec has a dir")
    H.truthy(vim.fn.isdirectory(spec.dir) == 1, "the spec's dir exists: " .. tostring(spec.dir))
    vim.opt.runtimepath:prepend(spec.dir)
    if type(spec.config) == "function" then
      spec.config(spec, spec.opts or {})
    else
      require(spec.main or "copydesk").setup(spec.opts or {})
    end
  end
end)

H.test("a draft opened afterwards gets copydesk's diagnostics", function()
  local buf = H.open("draft.md")
  local diagnostics = H.wait_diagnostics(buf, function(d)
    return H.find_code(d, "name-variant") ~= nil
  end, "a name-variant diagnostic")
  H.note(("%d diagnostics: %s"):format(#diagnostics, H.describe(diagnostics)))
end)

H.done()
