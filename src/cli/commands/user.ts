import { createInterface } from 'node:readline/promises';
import { type Command, Option } from 'commander';
import { ROLES } from '../../users/access.js';
import { createUser } from '../../users/users.service.js';
import { type GlobalOptions, type Io, withContext } from '../context.js';

type Common = (cmd: Command) => Command;
type Say = (vi: string, en: string) => string;

interface UserFlags extends GlobalOptions {
  name: string;
  role: (typeof ROLES)[number];
  unit: string;
}

/** The password is read from standard input, never from the command line (shell history). */
async function readPassword(prompt: string, io: Io): Promise<string> {
  if (process.stdin.isTTY) io.err(prompt);
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

export function registerUser(program: Command, common: Common, L: Say, io: Io): void {
  const user = program.command('user').description(L('Quản lý tài khoản', 'Manage accounts'));
  common(
    user
      .command('add <username>')
      .description(
        L(
          'Tạo tài khoản; mật khẩu đọc từ đầu vào chuẩn',
          'Create an account; the password is read from standard input',
        ),
      )
      .requiredOption('--name <name>', L('họ tên hiển thị', 'display name'))
      .addOption(new Option('--role <role>', L('vai trò', 'role')).choices([...ROLES]).makeOptionMandatory())
      .requiredOption(
        '--unit <code>',
        L('đơn vị mà vai trò áp dụng (cả cấp dưới)', 'unit the role applies to (and below)'),
      ),
  ).action((username: string, o: UserFlags) =>
    withContext(o, async (ctx) => {
      const password = await readPassword(L('Mật khẩu: ', 'Password: '), io);
      const created = await createUser(ctx, {
        username,
        displayName: o.name,
        password,
        roles: [{ unitCode: o.unit, role: o.role }],
      });
      io.out(
        L(
          `Đã tạo tài khoản "${created.username}" (${o.role} tại ${o.unit}).`,
          `Created "${created.username}" (${o.role} at ${o.unit}).`,
        ),
      );
    }),
  );
}
