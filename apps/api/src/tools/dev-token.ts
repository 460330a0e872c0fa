/**
 * Prints a development session token signed with the configured JWT_SECRET:
 *   npm run token -- --sub user_1 --org org_1 [--perm manageApiKeys,manageRouting] [--plan free] [--ttl 3600]
 */
import { Command } from 'commander';
import { SignJWT } from 'jose';
import { loadConfig } from '@keyledger/runtime';

const program = new Command('token')
  .description('Print a development JWT for keyledger, signed with JWT_SECRET (HS256).')
  .requiredOption('--sub <userId>', 'user id (the sub claim)')
  .option('--org <orgId...>', 'organizations the user belongs to; the first is the active one')
  .option(
    '--perm <permissions>',
    'comma-separated permissions in those orgs',
    'manageApiKeys,manageRouting',
  )
  .option('--plan <tier>', 'plan tier claim')
  .option('--ttl <seconds>', 'lifetime in seconds', '3600')
  .parse();

async function main(): Promise<void> {
  const options = program.opts<{
    sub: string;
    org?: string[];
    perm: string;
    plan?: string;
    ttl: string;
  }>();
  const config = loadConfig();
  const permissions = options.perm.split(',').filter(Boolean);
  const orgs = (options.org ?? []).map((id) => ({ id, permissions }));
  const token = await new SignJWT({
    org_id: orgs[0]?.id,
    orgs,
    ...(options.plan ? { plan: options.plan } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + Number(options.ttl))
    .sign(new TextEncoder().encode(config.jwt.secret));
  process.stdout.write(`${token}\n`);
}

void main();
