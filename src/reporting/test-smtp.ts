import { createServer, type Server } from 'node:net';

export interface Received {
  from: string;
  to: string[];
  data: string;
}

/**
 * Just enough of SMTP (RFC 5321) to take one message per connection: greeting, EHLO, MAIL,
 * RCPT, DATA ended by a lone dot, QUIT. Real bytes over a real socket, so nodemailer runs as it
 * would against a mail server.
 */
export function smtpServer(inbox: Received[]): Server {
  return createServer((socket) => {
    socket.setEncoding('utf8');
    const say = (line: string) => socket.write(`${line}\r\n`);
    let mail: Received = { from: '', to: [], data: '' };
    let inData = false;
    let buffer = '';
    say('220 thu.test ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            inbox.push(mail);
            mail = { from: '', to: [], data: '' };
            say('250 OK: queued');
          } else mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') say('250 thu.test');
        else if (verb === 'MAIL') {
          mail.from = /<(.*)>/.exec(line)?.[1] ?? '';
          say('250 OK');
        } else if (verb === 'RCPT') {
          mail.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
          say('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          say('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          say('221 Bye');
          socket.end();
        } else if (verb === 'RSET' || verb === 'NOOP') say('250 OK');
        else say('502 Command not implemented');
      }
    });
  });
}

/** The body of a received message with quoted-printable soft breaks and escapes undone. */
export function plainBody(mail: Received | undefined): string {
  const body = (mail?.data ?? '').replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1');
  return decodeURIComponent(body);
}
