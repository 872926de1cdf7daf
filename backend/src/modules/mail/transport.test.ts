import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { passwordResetMail } from './templates';
import { createMailer, mailDir } from './transport';

describe('the mailer without SMTP_URL', () => {
  it('writes each mail as an .eml file under DATA_DIR/mail', async () => {
    const config = loadConfig({
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'spotlight-mail-')),
      LOG_LEVEL: 'silent',
      MAIL_FROM: 'Spotlight <hello@spotlight.test>',
    });
    const mailer = createMailer(config, createLogger(config));
    const link = 'http://localhost:8080/reset-password?token=abc';
    await mailer.send(
      passwordResetMail({ email: 'ana@example.test', name: 'Ana <script>', language: 'en' }, link),
    );
    mailer.close();

    const files = readdirSync(mailDir(config));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const eml = readFileSync(path.join(mailDir(config), files[0]!), 'utf8');
    expect(eml).toMatch(/^From: Spotlight <hello@spotlight\.test>$/m);
    expect(eml).toMatch(/^To: ana@example\.test$/m);
    expect(eml).toContain('multipart/alternative');
    const parsed = await simpleParser(eml);
    expect(parsed.text).toContain(link);
    expect(parsed.html).toContain(link);
    expect(parsed.html).toContain('Ana &lt;script&gt;');
  });
});
