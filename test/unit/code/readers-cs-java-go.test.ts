// The C#, Java and Go readers: what is read from System.Net.Mail, MailKit, JavaMail/Jakarta Mail, Spring's
// JavaMailSenderImpl, net/smtp, gomail and go-mail; what stays unknown; and that fixes are written in the language's
// own syntax and verified by re-analysis.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { codeParserNeeded, prepareCodeFile } from '../../../src/engine/code';
import { inSkippedFolder, formatOfPath } from '../../../src/engine/facts/files';
import { fixesFor } from '../../../src/engine/fixes';
import { applyEdits } from '../../../src/engine/fixes/context';

async function findings(file: string, text: string): Promise<string[]> {
  await prepareCodeFile(file, text);
  return analyzeText(file, text).findings.map((finding) => `${finding.ruleId}:${text.slice(finding.range.start, finding.range.end)}`);
}

/** The fixes offered for the only finding, as title → fixed text; each fix must leave no finding of its rule. */
async function fixes(file: string, text: string): Promise<Map<string, string>> {
  await prepareCodeFile(file, text);
  const [finding, ...rest] = analyzeText(file, text).findings;
  assert.equal(rest.length, 0, 'one finding');
  const result = new Map<string, string>();
  for (const fix of fixesFor(file, text, finding)) {
    const fixed = applyEdits(text, fix.edits);
    assert.ok(!analyzeText(file, fixed).findings.some((after) => after.ruleId === finding.ruleId), `${fix.title} removes the finding`);
    result.set(fix.title, fixed);
  }
  return result;
}

describe('code readers: C#, Java, Go', () => {
  it('read .cs, .java and .go files that name a mail library, and skip build output and generated code', () => {
    assert.equal(codeParserNeeded('Services/Mailer.cs', 'var c = new SmtpClient("h", 587);'), 'csharp');
    assert.equal(codeParserNeeded('Services/Server.cs', 'app.Run();'), undefined);
    assert.equal(codeParserNeeded('src/Mail.java', 'props.put("mail.smtp.port", "587");'), 'java');
    assert.equal(codeParserNeeded('mail.go', 'import "net/smtp"'), 'go');
    assert.equal(formatOfPath('api/user.pb.go'), undefined);
    assert.equal(formatOfPath('Forms/Main.Designer.cs'), undefined);
    assert.ok(inSkippedFolder('bin/Debug/net8.0/appsettings.json'));
    assert.ok(inSkippedFolder('obj/Mailer.g.cs'));
  });

  describe('C#', () => {
    it('System.Net.Mail: EnableSsl on 465 never connects; the fix moves to 587 (no implicit TLS to offer)', async () => {
      const text = 'using System.Net.Mail;\nclass M { void F() {\n  var client = new SmtpClient("smtp.example.com", 465);\n  client.EnableSsl = true;\n} }\n';
      assert.deepEqual(await findings('M.cs', text), ['plaintext-on-implicit-tls-port:true']);
      assert.deepEqual([...(await fixes('M.cs', text)).entries()], [['Switch to port 587 with STARTTLS', text.replace('465', '587')]]);
    });

    it('System.Net.Mail: an object initializer on 587 is right; a port from `?? "465"` is followed', async () => {
      assert.deepEqual(await findings('A.cs', 'var c = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };\n'), []);
      const text = 'var port = int.Parse(Environment.GetEnvironmentVariable("SMTP_PORT") ?? "465");\nvar c = new SmtpClient("smtp.example.com", port) { EnableSsl = true };\n';
      assert.deepEqual(await findings('B.cs', text), ['plaintext-on-implicit-tls-port:true']);
    });

    it('MailKit: SslOnConnect on 587; the fix writes SecureSocketOptions.StartTls in place', async () => {
      const text = 'using MailKit.Net.Smtp;\nusing MailKit.Security;\nusing var client = new SmtpClient();\nclient.Connect("smtp.example.com", 587, SecureSocketOptions.SslOnConnect);\n';
      const offered = await fixes('K.cs', text);
      assert.equal(offered.get('Switch to STARTTLS on port 587'), text.replace('SecureSocketOptions.SslOnConnect', 'SecureSocketOptions.StartTls'));
      assert.equal(offered.get('Use implicit TLS on port 465'), text.replace('587', '465'));
    });

    it('MailKit: Auto on 465 is implicit TLS, useSsl: true on 587 is not; Connect(host) alone uses port 25', async () => {
      const connect = (args: string) => `using MailKit.Net.Smtp;\nvar client = new SmtpClient();\nclient.Connect(${args});\n`;
      assert.deepEqual(await findings('A.cs', connect('"smtp.example.com", 465, SecureSocketOptions.Auto')), []);
      assert.deepEqual(await findings('B.cs', connect('"smtp.example.com", 587, useSsl: true')), ['implicit-tls-on-starttls-port:true']);
      assert.deepEqual(await findings('C.cs', connect('"smtp.example.com"')), ['port-25-submission:"smtp.example.com"']);
      assert.deepEqual(await findings('D.cs', connect('cfg.Host, cfg.Port, cfg.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls')), []);
    });

    it('MailKit: SecureSocketOptions.None with a password is cleartext; a callback that returns true turns verification off', async () => {
      const none = 'using MailKit.Net.Smtp;\nvar client = new SmtpClient();\nclient.Connect("smtp.example.com", 587, SecureSocketOptions.None);\nclient.Authenticate(user, password);\n';
      assert.deepEqual(await findings('N.cs', none), ['cleartext-auth:SecureSocketOptions.None']);
      const callback = (body: string) => `using MailKit.Net.Smtp;\nvar client = new SmtpClient();\nclient.ServerCertificateValidationCallback = ${body};\nclient.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);\n`;
      assert.deepEqual(await findings('V.cs', callback('(s, c, h, e) => true')), ['tls-verify-disabled:(s, c, h, e) => true']);
      assert.deepEqual(await findings('W.cs', callback('ValidateCertificate')), []);
    });
  });

  describe('C#: say less where the client is set up elsewhere', () => {
    it('a field client is configured anywhere in its class; a pickup-directory client never connects', async () => {
      const field = 'using System.Net.Mail;\nclass M {\n  SmtpClient _client;\n  M() { _client = new SmtpClient("smtp.example.com", 587); }\n  void Setup() { _client.EnableSsl = true; _client.Credentials = new NetworkCredential(u, p); }\n}\n';
      assert.deepEqual(await findings('F.cs', field), []);
      const pickup = 'using System.Net.Mail;\nvar c = new SmtpClient("smtp.example.com", 465) { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory };\n';
      assert.deepEqual(await findings('P.cs', pickup), []);
    });
  });

  describe('Java', () => {
    it('JavaMail: ssl.enable with port 587, and mail.smtp.ssl.trust "*"', async () => {
      const props = (lines: string) => `class M { void f() {\n  Properties props = new Properties();\n${lines}} }\n`;
      assert.deepEqual(await findings('M.java', props('  props.put("mail.smtp.host", "smtp.example.com");\n  props.put("mail.smtp.port", "587");\n  props.put("mail.smtp.ssl.enable", "true");\n')), [
        'implicit-tls-on-starttls-port:"true"',
      ]);
      assert.deepEqual(await findings('T.java', props('  props.setProperty("mail.smtp.port", "587");\n  props.setProperty("mail.smtp.starttls.enable", "true");\n  props.setProperty("mail.smtp.ssl.trust", "*");\n')), [
        'tls-verify-disabled:"*"',
      ]);
    });

    it('JavaMail: System.getenv().getOrDefault is followed; a file choosing the smtps transport is left alone', async () => {
      const env = 'class M { void f() {\n  Properties p = new Properties();\n  p.put("mail.smtp.port", System.getenv().getOrDefault("SMTP_PORT", "465"));\n  p.put("mail.smtp.starttls.enable", "true");\n} }\n';
      assert.deepEqual(await findings('E.java', env), ['plaintext-on-implicit-tls-port:"true"']);
      assert.deepEqual(await findings('S.java', `${env}class T { void g(Session s) { s.getTransport("smtps"); } }\n`), []);
    });

    it('JavaMail: socketFactory.class SSLSocketFactory is implicit TLS; Properties loaded from a file are not judged', async () => {
      const legacy = 'class M { void f() {\n  Properties p = new Properties();\n  p.put("mail.smtp.host", "smtp.example.com");\n  p.put("mail.smtp.port", "465");\n  p.put("mail.smtp.starttls.enable", "true");\n  p.put("mail.smtp.socketFactory.class", "javax.net.ssl.SSLSocketFactory");\n} }\n';
      assert.deepEqual(await findings('L.java', legacy), []);
      assert.deepEqual(await findings('X.java', legacy.replace('"465"', '"587"')), ['implicit-tls-on-starttls-port:"javax.net.ssl.SSLSocketFactory"']);
      const loaded = 'class M { void f() throws Exception {\n  Properties p = new Properties();\n  p.load(in);\n  p.put("mail.smtp.host", "smtp.example.com");\n  p.put("mail.smtp.auth", "true");\n  Session.getInstance(p, new Authenticator() { protected PasswordAuthentication getPasswordAuthentication() { return new PasswordAuthentication(u, pw); } });\n} }\n';
      assert.deepEqual(await findings('P.java', loaded), []);
    });

    it('Spring: properties handed to setJavaMailProperties belong to that sender (its port, not JavaMail\'s default 25)', async () => {
      const text = 'class C { JavaMailSender s() {\n  JavaMailSenderImpl sender = new JavaMailSenderImpl();\n  sender.setHost("smtp.example.com");\n  sender.setPort(587);\n  Properties props = new Properties();\n  props.put("mail.smtp.starttls.enable", "true");\n  sender.setJavaMailProperties(props);\n  return sender;\n} }\n';
      assert.deepEqual(await findings('S.java', text), []);
    });

    it("Spring: JavaMailSenderImpl's setProtocol(\"smtps\") on 587, and its JavaMail properties", async () => {
      const sender = (lines: string) => `class C { JavaMailSender s() {\n  JavaMailSenderImpl sender = new JavaMailSenderImpl();\n  sender.setHost("smtp.example.com");\n${lines}  return sender;\n} }\n`;
      assert.deepEqual(await findings('C.java', sender('  sender.setPort(587);\n  sender.setProtocol("smtps");\n')), ['implicit-tls-on-starttls-port:"smtps"']);
      assert.deepEqual(await findings('D.java', sender('  sender.setPort(465);\n  Properties props = sender.getJavaMailProperties();\n  props.put("mail.smtp.starttls.enable", "true");\n')), [
        'plaintext-on-implicit-tls-port:"true"',
      ]);
      assert.deepEqual(await findings('E.java', sender('  sender.setPort(settings.getPort());\n  sender.getJavaMailProperties().put("mail.smtp.ssl.enable", settings.ssl());\n')), []);
    });
  });

  describe('Go', () => {
    it('net/smtp: SendMail and Dial on :465 hang (a constant address is followed); Dial with StartTLS on 587 is right', async () => {
      assert.deepEqual(await findings('a.go', 'package m\nimport "net/smtp"\nfunc f() { smtp.SendMail("smtp.example.com:465", auth, from, to, msg) }\n'), ['plaintext-on-implicit-tls-port:SendMail']);
      assert.deepEqual(await findings('b.go', 'package m\nimport "net/smtp"\nconst addr = "smtp.example.com:465"\nfunc f() { c, _ := smtp.Dial(addr); c.Quit() }\n'), ['plaintext-on-implicit-tls-port:Dial']);
      assert.deepEqual(await findings('c.go', 'package m\nimport "net/smtp"\nfunc f() { c, _ := smtp.Dial("smtp.example.com:587"); c.StartTLS(cfg) }\n'), []);
      assert.deepEqual(await findings('d.go', 'package m\nimport "net/smtp"\nfunc f() { smtp.SendMail(cmp.Or(os.Getenv("SMTP_ADDR"), "smtp.example.com:465"), nil, from, to, msg) }\n'), [
        'plaintext-on-implicit-tls-port:SendMail',
      ]);
    });

    it('InsecureSkipVerify counts in the function that sends mail, not in another one', async () => {
      const same = 'package m\nimport ("crypto/tls"; "net/smtp")\nfunc f() {\n  c, _ := smtp.Dial("smtp.example.com:587")\n  c.StartTLS(&tls.Config{InsecureSkipVerify: true})\n}\n';
      assert.deepEqual(await findings('a.go', same), ['tls-verify-disabled:true']);
      const other = 'package m\nimport ("crypto/tls"; "net/http"; "net/smtp")\nfunc h() *http.Transport { return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} }\nfunc f() { smtp.SendMail("smtp.example.com:587", nil, from, to, msg) }\n';
      assert.deepEqual(await findings('b.go', other), []);
    });

    it('net/smtp: NewClient over tls.Dial is implicit TLS, and its config counts; SendMail ignores a config beside it', async () => {
      const dial = (addr: string) => `package m\nimport ("crypto/tls"; "net/smtp")\nfunc f() {\n  cfg := &tls.Config{InsecureSkipVerify: true}\n  conn, _ := tls.Dial("tcp", "${addr}", cfg)\n  c, _ := smtp.NewClient(conn, "smtp.example.com")\n  c.Quit()\n}\n`;
      assert.deepEqual(await findings('a.go', dial('smtp.example.com:465')), ['tls-verify-disabled:true']);
      assert.deepEqual(await findings('b.go', dial('smtp.example.com:587')), ['tls-verify-disabled:true', 'implicit-tls-on-starttls-port:NewClient']);
      const beside = 'package m\nimport ("crypto/tls"; "net/smtp")\nfunc f() {\n  _ = &tls.Config{InsecureSkipVerify: true}\n  smtp.SendMail("smtp.example.com:587", nil, from, to, msg)\n}\n';
      assert.deepEqual(await findings('c.go', beside), []);
    });

    it('gomail: SSL on 587 (fix: d.SSL = false); NewDialer on 465 is implicit TLS by itself', async () => {
      const dialer = (port: number, extra: string) => `package m\nimport "gopkg.in/gomail.v2"\nfunc f() error {\n  d := gomail.NewDialer("smtp.example.com", ${port}, user, pass)\n${extra}  return d.DialAndSend(m)\n}\n`;
      const text = dialer(587, '  d.SSL = true\n');
      assert.equal((await fixes('a.go', text)).get('Switch to STARTTLS on port 587'), text.replace('d.SSL = true', 'd.SSL = false'));
      assert.deepEqual(await findings('b.go', dialer(465, '')), []);
      assert.deepEqual(await findings('c.go', dialer(465, '  d.SSL = false\n')), ['plaintext-on-implicit-tls-port:false']);
      assert.deepEqual(await findings('d.go', dialer(587, '  d.TLSConfig = &tls.Config{InsecureSkipVerify: true}\n')), ['tls-verify-disabled:true']);
    });

    it('go-mail: WithSSL on 587; without WithPort the client uses port 25; options passed as a slice are unknown', async () => {
      const client = (options: string) => `package m\nimport "github.com/wneessen/go-mail"\nfunc f() { c, _ := mail.NewClient("smtp.example.com"${options}); _ = c }\n`;
      assert.deepEqual(await findings('a.go', client(', mail.WithPort(587), mail.WithSSL()')), ['implicit-tls-on-starttls-port:mail.WithSSL()']);
      assert.deepEqual(await findings('b.go', client(', mail.WithPort(465), mail.WithSSL()')), []);
      assert.deepEqual(await findings('c.go', client('')), ['port-25-submission:"smtp.example.com"']);
      assert.deepEqual(await findings('d.go', client(', opts...')), []);
      assert.deepEqual(await findings('e.go', client(', mail.WithPort(587), mail.WithTLSPolicy(mail.TLSMandatory)')), []);
    });
  });
});
