-- Neovim 0.7 as a second real LSP client of the mlsd server (node dist/server.js --stdio).
-- Run: MLSD_SERVER=... MLSD_DOC=... nvim --headless -u NONE -i NONE -n -c 'luafile lsp-probe.lua'
-- Prints PASS:/FAIL:/INFO: lines; exits 0 only when every check passed.
local server = assert(os.getenv('MLSD_SERVER'), 'MLSD_SERVER not set')
local file = assert(os.getenv('MLSD_DOC'), 'MLSD_DOC not set')
local root = vim.fn.fnamemodify(file, ':h:h')
local failures = 0

local function out(s) io.stdout:write(s .. '\n'); io.stdout:flush() end
local function check(ok, what, detail)
  if ok then out('PASS: ' .. what) else failures = failures + 1; out('FAIL: ' .. what .. (detail and (' — ' .. detail) or '')) end
  return ok
end
local function finish()
  io.stdout:flush()
  vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
end

-- Keep the raw LSP diagnostics (with `data`) for code-action requests.
local raw = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local publishes = 0
local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    raw[result.uri] = result.diagnostics
    publishes = publishes + 1
    return default_publish(err, result, ctx, config)
  end,
}

local client_id = vim.lsp.start_client({
  name = 'mlsd',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  handlers = handlers,
  settings = { mlsd = { debounceMs = 50 } },
  on_exit = function(code, signal) out('INFO: server exited code=' .. tostring(code) .. ' signal=' .. tostring(signal)) end,
})
if not check(client_id ~= nil, 'start_client') then finish() end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
local uri = vim.uri_from_bufnr(bufnr)

local function mlsd_diags() return raw[uri] or {} end
local function codes()
  local c = {}
  for _, d in ipairs(mlsd_diags()) do
    local code = type(d.code) == 'table' and d.code.value or d.code
    c[#c + 1] = tostring(code)
  end
  return c
end
local function with_code(code)
  local r = {}
  for _, d in ipairs(mlsd_diags()) do if d.code == code and d.source == 'mlsd' then r[#r + 1] = d end end
  return r
end

-- 1. diagnostics arrive
local got = vim.wait(20000, function() return #mlsd_diags() > 0 end, 50)
if not check(got, 'diagnostics published for the design doc') then finish() end
out('INFO: codes = ' .. table.concat(codes(), ', '))
check(#with_code('missing-step') == 2, 'two missing-step findings (serving, monitoring)', 'got ' .. #with_code('missing-step'))
check(#vim.diagnostic.get(bufnr) == #mlsd_diags(), 'neovim shows every diagnostic the server sent')
local d0 = mlsd_diags()[1]
check(d0.source == 'mlsd' and d0.codeDescription ~= nil and type(d0.codeDescription.href) == 'string', 'diagnostics carry source mlsd and a rule docs link')

-- 2. an edit: a TODO line is flagged, removing it clears the finding
local before_todo = #with_code('unfilled-placeholder')
local last = vim.api.nvim_buf_line_count(bufnr)
vim.api.nvim_buf_set_lines(bufnr, last, last, false, { '', 'TODO: pick the rollout strategy.' })
local todo_line = last + 1
local flagged = vim.wait(20000, function()
  for _, d in ipairs(with_code('unfilled-placeholder')) do if d.range.start.line == todo_line then return true end end
  return false
end, 50)
check(flagged, 'didChange: the new TODO line is flagged')
vim.api.nvim_buf_set_lines(bufnr, last, last + 2, false, {})
check(vim.wait(20000, function() return #with_code('unfilled-placeholder') == before_todo end, 50), 'didChange: removing it clears the finding')

-- 3. a code action inserts a missing step and its diagnostic goes away
local target
for _, d in ipairs(with_code('missing-step')) do
  if d.message:lower():find('monitor') then target = d end
end
target = target or with_code('missing-step')[1]
local params = {
  textDocument = { uri = uri },
  range = target.range,
  context = { diagnostics = { target }, only = { 'quickfix' } },
}
local resp = vim.lsp.get_client_by_id(client_id).request_sync('textDocument/codeAction', params, 10000, bufnr)
local actions = (resp and resp.result) or {}
local titles = {}
for _, a in ipairs(actions) do titles[#titles + 1] = a.title end
out('INFO: code actions = ' .. table.concat(titles, ' | '))
local chosen
for _, a in ipairs(actions) do if a.title:lower():find('insert') then chosen = a; break end end
if check(chosen ~= nil, 'a quick fix to insert the missing step is offered') then
  local client = vim.lsp.get_client_by_id(client_id)
  if chosen.edit then vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16') end
  if chosen.command then
    local cmd = type(chosen.command) == 'table' and chosen.command or chosen
    client.request_sync('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, 10000, bufnr)
  end
  local gone = vim.wait(20000, function()
    for _, d in ipairs(with_code('missing-step')) do if d.message == target.message then return false end end
    return true
  end, 50)
  check(gone, 'after the quick fix the missing-step finding is gone')
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  check(text:lower():find('\n#+ [^\n]*monitor') ~= nil, 'the inserted heading is in the buffer')
end

-- 4. documentSymbol works too (outline in any client)
local sym = vim.lsp.get_client_by_id(client_id).request_sync('textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000, bufnr)
check(sym and sym.result and #sym.result > 0, 'documentSymbol returns the doc outline')

vim.lsp.stop_client(client_id)
finish()
