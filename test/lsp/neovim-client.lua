-- Drives Neovim's built-in LSP client (0.7+: vim.lsp.start_client, buf_attach_client, buf.code_action)
-- against `smtp-doctor lsp --stdio`, and writes what it saw as JSON for test/lsp/neovim.test.ts.
-- Run: nvim --headless -n -u NONE -i NONE -c 'luafile test/lsp/neovim-client.lua', with
--   SMTP_DOCTOR_LSP_NODE, SMTP_DOCTOR_LSP_CLI  the server command (node dist/cli.js)
--   SMTP_DOCTOR_LSP_FILE                       the file to edit (a .env in a project folder)
--   SMTP_DOCTOR_LSP_RESULT                     where to write the JSON result
-- Code actions go through vim.lsp.buf.code_action(), as a user's :lua call would; only the menu
-- (vim.ui.select) is answered by this script, choosing the action by its title.
local env = vim.env
local result = { steps = {} }
local bufnr

local function step(name)
  table.insert(result.steps, name)
end

local function diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      line = d.lnum + 1,
      column = d.col + 1,
      code = d.code,
      source = d.source,
      severity = d.severity,
      message = d.message,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  table.sort(list, function(a, b) return a.line < b.line end)
  return list
end

local function lines()
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

--- Runs vim.lsp.buf.code_action(context) and picks the action titled `title` from its menu.
local function code_action(context, title)
  local offered
  local before = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    local chosen
    for _, item in ipairs(items) do
      local shown = opts.format_item(item)
      table.insert(offered, shown)
      if shown == title then chosen = item end
    end
    on_choice(chosen)
  end
  vim.lsp.buf.code_action(context)
  vim.wait(10000, function() return offered ~= nil and vim.api.nvim_buf_get_changedtick(bufnr) ~= before end, 20)
  return offered or {}
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.SMTP_DOCTOR_LSP_FILE))
  bufnr = vim.api.nvim_get_current_buf()
  local exited = {}
  local client_id = vim.lsp.start_client({
    name = 'smtp-doctor',
    cmd = { env.SMTP_DOCTOR_LSP_NODE, env.SMTP_DOCTOR_LSP_CLI, 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(env.SMTP_DOCTOR_LSP_FILE, ':h'),
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  vim.wait(20000, function() return #vim.diagnostic.get(bufnr) >= 2 end, 20)
  result.diagnostics = diagnostics()
  step('diagnostics')

  -- The quick fix of the implicit-TLS finding, from its line, as a user would pick it.
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'implicit-tls-on-starttls-port' then vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col }) end
  end
  result.quickFixOffered = code_action(nil, 'Switch to STARTTLS on port 587')
  result.afterQuickFix = lines()
  vim.wait(5000, function() return #vim.diagnostic.get(bufnr) == 1 end, 20)
  result.diagnosticsAfterQuickFix = diagnostics()
  step('quickfix')

  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = { line = 1, character = 2 },
  }, 5000)
  local response = hover and hover[client_id]
  result.hover = response and response.result and response.result.contents.value or vim.NIL
  step('hover')

  result.fixAllOffered = code_action({ only = { 'source.fixAll.smtp-doctor' }, diagnostics = {} }, 'Fix all SMTP Doctor problems')
  result.afterFixAll = lines()
  vim.wait(5000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20)
  result.diagnosticsAfterFixAll = diagnostics()
  vim.cmd('write')
  step('fixall')

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return exited.code ~= nil end, 20)
  result.exit = exited
  step('stopped')
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
local file = io.open(env.SMTP_DOCTOR_LSP_RESULT, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
