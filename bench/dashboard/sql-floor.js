'use strict';
// The floor: the sector dashboard's answer computed by one hand-written SQL statement (PostgreSQL
// builds the JSON) behind a bare node:http server: no GraphQL, no federation, no ORM. Crossing
// the subgraphs' schemas in one statement is what the hub may not do and why this is a floor. It
// uses the indexes the subgraphs keep (a city's organizations by city_key, name, id).
//   PORT=… DATABASE_URL=… node sql-floor.js     POST {"variables":{"city":"…","first":50}}
const { createServer } = require('node:http');
const { Pool } = require('pg');

const DASHBOARD_SQL = `
select answer::text from (
with orgs as (
  select id, name from organizations.organization where city_key = lower($1) order by name, id limit $2
)
select json_build_object('data', json_build_object('organizations', json_build_object('nodes', coalesce(json_agg(json_build_object(
  'name', o.name,
  'people', json_build_object('nodes', coalesce((
    select json_agg(json_build_object('role', a.role, 'person', json_build_object('name', p.name, 'enrollments', json_build_object('nodes', coalesce((
      select json_agg(json_build_object('status', e.status, 'course', json_build_object('title', c.title)) order by e.applied_at, e.id)
      from (select * from training.enrollment where person_id = p.id order by applied_at, id limit 5) e join training.course c on c.id = e.course_id
    ), '[]'::json)))) order by a.started_on, a.id)
    from (select * from people.affiliation where organization_id = o.id and person_confirmed_at is not null and organization_confirmed_at is not null order by started_on, id limit 10) a join people.person p on p.id = a.person_id
  ), '[]'::json)),
  'grantsReceived', json_build_object('nodes', coalesce((
    select json_agg(json_build_object('title', g.title, 'amountAwarded', json_build_object('amount', g.amount::text, 'currency', g.currency), 'funder', json_build_object('name', f.name)) order by g.award_date desc, g.id desc)
    from (select * from funding.grant where recipient_organization_id = o.id order by award_date desc, id desc limit 10) g join organizations.organization f on f.id = g.funding_organization_id
  ), '[]'::json)),
  'totalReceived', coalesce((
    select json_agg(json_build_object('amount', t.total, 'currency', t.currency) order by t.currency)
    from (select currency, sum(amount)::text as total from funding.grant where recipient_organization_id = o.id and status in ('AWARDED', 'ACTIVE', 'COMPLETED') group by currency) t
  ), '[]'::json),
  'coursesOffered', json_build_object('nodes', coalesce((
    select json_agg(json_build_object(
      'title', c.title,
      'enrolledCount', (select count(*) from training.enrollment where course_id = c.id and status in ('ENROLLED', 'COMPLETED')),
      'offeredBy', (select json_agg(json_build_object('name', x.name) order by co.position, co.id) from training.course_offering co join organizations.organization x on x.id = co.organization_id where co.course_id = c.id),
      'enrollments', json_build_object('nodes', coalesce((
        select json_agg(json_build_object('status', e.status, 'person', json_build_object('name', p.name)) order by e.applied_at, e.id)
        from (select * from training.enrollment where course_id = c.id order by applied_at, id limit 10) e join people.person p on p.id = e.person_id
      ), '[]'::json))
    ) order by off.created_at, off.id)
    from (select * from training.course_offering where organization_id = o.id order by created_at, id limit 10) off join training.course c on c.id = off.course_id
  ), '[]'::json))
) order by o.name, o.id), '[]'::json)))) as answer
from orgs o) q`;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const server = createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const { rows } = await pool.query({ name: 'dashboard', text: DASHBOARD_SQL, values: [variables.city, variables.first], rowMode: 'array' });
      res.setHeader('content-type', 'application/json');
      res.end(rows[0][0]);
    } catch (error) {
      res.statusCode = 400;
      res.end(JSON.stringify({ errors: [{ message: String(error.message) }] }));
    }
  });
});
server.listen(Number(process.env.PORT ?? 4200), '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close(() => pool.end().finally(() => process.exit(0))));
