// npm start: install what is missing, build, migrate, seed the demo organisation into an empty
// database, then serve the API and the web app on one port and print the URL and demo logins.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies, must, nx, root, serverArgs } from './lib.mjs';

const DEMO_LOGINS = ['hr', 'manager', 'exec', 'employee'].map((who) => `${who}@demo.skillgrid.test`);
const port = Number(process.env.PORT ?? 3000);

ensureDependencies();
console.log('Building the API and the web app…');
nx(['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream']);

const production = process.env.NODE_ENV === 'production';
must('node', [join(root, 'dist/apps/api/cli.js'), production ? 'migrate' : 'seed', ...(production ? [] : ['--if-empty'])]);

const server = spawn('node', serverArgs(), {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: String(port) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

// Announce once the server answers.
const url = `http://localhost:${port}`;
for (let i = 0; i < 120; i++) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    const health = await (await fetch(`${url}/api/health`)).json();
    console.log(`\n  Skillgrid is running at ${url}  (database: ${health.database})`);
    console.log(`  API documentation: ${url}/api/docs`);
    if (health.demo) {
      console.log('\n  Demo logins (password: skillgrid-demo):');
      for (const email of DEMO_LOGINS) console.log(`    ${email}`);
    } else if (production) {
      console.log('\n  No demo data in production. Create the first admin with:');
      console.log('    node dist/apps/api/cli.js create-admin --email you@example.com');
    }
    console.log('\n  Press Ctrl+C to stop.\n');
    break;
  } catch {
    // not up yet
  }
}
