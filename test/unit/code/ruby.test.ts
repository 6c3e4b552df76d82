// The Ruby reader: Net::SMTP, the mail gem and ActionMailer's smtp_settings in code, what stays unknown, and fixes in Ruby's syntax.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { codeParserNeeded, prepareCodeFile } from '../../../src/engine/code';
import { fixesFor } from '../../../src/engine/fixes';
import { applyEdits } from '../../../src/engine/fixes/context';

async function analyze(file: string, text: string) {
  await prepareCodeFile(file, text);
  return analyzeText(file, text);
}

async function found(text: string, file = 'lib/mailer.rb'): Promise<string[]> {
  const analysis = await analyze(file, text);
  return analysis.findings.map((finding) => `${finding.ruleId}:${text.slice(finding.range.start, finding.range.end)}`);
}

describe('code readers: Ruby', () => {
  it('parses only Ruby files that name a mail library', () => {
    assert.equal(codeParserNeeded('app/models/user.rb', 'class User; end'), undefined);
    assert.equal(codeParserNeeded('lib/notify.rb', "require 'net/smtp'\nNet::SMTP.start('h', 25)"), 'ruby');
  });

  it('Net::SMTP: enable_tls on 587 and enable_starttls on 465, on the call', async () => {
    assert.deepEqual(await found("smtp = Net::SMTP.new('smtp.example.com', 587)\nsmtp.enable_tls\nsmtp.start('example.com', 'u', 'p', :plain)\n"), ['implicit-tls-on-starttls-port:enable_tls']);
    assert.deepEqual(await found("smtp = Net::SMTP.new('smtp.example.com', 465)\nsmtp.enable_starttls\n"), ['plaintext-on-implicit-tls-port:enable_starttls']);
    assert.deepEqual(await found("smtp = Net::SMTP.new('smtp.example.com', 587)\nsmtp.enable_starttls\nsmtp.start('example.com', 'u', 'p', :login)\n"), []);
  });

  it('Net::SMTP: without a TLS call it starts in plaintext; a call under a condition is unknown', async () => {
    assert.deepEqual(await found("Net::SMTP.start('smtp.example.com', 465, 'example.com', 'u', 'p', :plain) { |s| }\n"), ['plaintext-on-implicit-tls-port:465']);
    assert.deepEqual(await found("smtp = Net::SMTP.new('smtp.example.com', 587)\nsmtp.enable_tls if ENV['SMTPS']\n"), []);
    // Keyword arguments of net-smtp 0.2+.
    assert.deepEqual(await found("Net::SMTP.start('smtp.example.com', 587, tls: true) { |s| }\n"), ['implicit-tls-on-starttls-port:true']);
  });

  it('Net::SMTP: calls through .tap and on an instance variable are followed; an object configured elsewhere is unknown', async () => {
    assert.deepEqual(await found("Net::SMTP.new('smtp.example.com', 587).tap { |s| s.enable_tls }\n"), ['implicit-tls-on-starttls-port:enable_tls']);
    assert.deepEqual(await found("class M\n  def a\n    @smtp = Net::SMTP.new('smtp.example.com', 465)\n  end\n  def b\n    @smtp.enable_tls\n  end\nend\n"), []);
    assert.deepEqual(await found("def smtp\n  @smtp ||= Net::SMTP.new('smtp.example.com', 465)\nend\n"), []);
  });

  it('the mail gem: ssl: true on 587; the STARTTLS fix writes ssl: false in place', async () => {
    const text = "Mail.defaults do\n  delivery_method :smtp, { address: 'smtp.example.com', port: 587, ssl: true }\nend\n";
    const analysis = await analyze('lib/mailer.rb', text);
    assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), ['implicit-tls-on-starttls-port']);
    const [preferred] = fixesFor('lib/mailer.rb', text, analysis.findings[0]);
    assert.equal(preferred.title, 'Switch to STARTTLS on port 587');
    assert.equal(applyEdits(text, preferred.edits), text.replace('ssl: true', 'ssl: false'));
  });

  it("the mail gem: hash-rocket keys, bare keyword pairs, a constant hash, openssl_verify_mode 'none'", async () => {
    assert.deepEqual(await found("Mail.defaults do\n  delivery_method :smtp, { :address => 'smtp.example.com', :port => '587', :openssl_verify_mode => 'none' }\nend\n"), ["tls-verify-disabled:'none'"]);
    assert.deepEqual(await found("Mail.defaults do\n  delivery_method :smtp, address: 'smtp.example.com', port: ENV.fetch('SMTP_PORT', 465), enable_starttls_auto: true\nend\n"), ['plaintext-on-implicit-tls-port:true']);
    assert.deepEqual(await found("OPTS = { address: 'smtp.example.com', port: 465, tls: true }.freeze\nMail.defaults { delivery_method :smtp, OPTS }\n"), []);
  });

  it("ActionMailer smtp_settings in code: ENV['X'] || fallback and .to_i are followed; other values are not", async () => {
    assert.deepEqual(await found("ActionMailer::Base.smtp_settings = { address: 'smtp.example.com', port: (ENV['SMTP_PORT'] || 587).to_i, tls: true }\n", 'lib/setup.rb'), ['implicit-tls-on-starttls-port:true']);
    assert.deepEqual(await found("ActionMailer::Base.smtp_settings = { address: 'smtp.example.com', port: (settings[:port] || 587).to_i, tls: true }\n", 'lib/setup.rb'), []);
    assert.deepEqual(await found("ActionMailer::Base.smtp_settings = { address: 'smtp.example.com', port: ENV.fetch('SMTP_PORT') { 587 }, tls: true }\n", 'lib/setup.rb'), ['implicit-tls-on-starttls-port:true']);
  });
});
