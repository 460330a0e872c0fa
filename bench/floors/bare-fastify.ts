/** Floor: a bare Fastify 5 app, no plugins; one POST route parses the JSON body and answers JSON. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/floor', async (request) => ({
  data: { ok: true, model: (request.body as { model?: unknown } | null)?.model ?? null },
}));
app.get('/floor', async () => ({ status: 'ok' }));

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => console.log('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
