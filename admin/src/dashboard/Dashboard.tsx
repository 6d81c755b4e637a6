import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { readableActor } from '../common/actors';
import { useDates } from '../common/dates';
import { StatusChip } from '../common/status';
import { useVocabulary } from '../common/vocabulary';
import type { TimelineQuery } from '../gql/graphql';
import { isStaff, type Role } from '../providers/access';
import { useApi } from '../providers/useApi';
import { STATUS_COLOURS } from '../theme';
import { axisOf, extentOf, monthTicks } from './timeline';

/** The order of the columns; the counts query names one alias per kind and status. */
const STATUSES = ['DRAFT', 'IN_REVIEW', 'VERIFIED', 'DISPUTED', 'REJECTED', 'RETRACTED'] as const;

const RESOURCE_OF: Record<string, string> = { CLAIM: 'claims', EVENT: 'events', ENTITY: 'entities', SOURCE: 'sources', USER: 'users' };

export default function Dashboard() {
  const { permissions } = usePermissions<Role[]>();
  const staff = isStaff(permissions ?? []);
  const translate = useTranslate();
  const label = useVocabulary();
  const dates = useDates();
  const api = useApi();
  const counts = useQuery({ queryKey: ['dashboard', 'counts'], queryFn: () => api.dashboardCounts() });
  const timeline = useQuery({ queryKey: ['dashboard', 'timeline'], queryFn: () => api.timeline() });
  const [params] = useSearchParams();
  const actor = params.get('actor');
  const latest = useQuery({ queryKey: ['dashboard', 'latest', actor], queryFn: () => api.latestChanges(actor), enabled: staff });
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="dashboard">
      <Title title="console.menu.dashboard" />
      <Card variant="outlined">
        <CardHeader
          title={translate('console.dashboard.counts.title')}
          subheader={
            counts.data
              ? translate('console.dashboard.counts.subheader', {
                  sources: translate('console.dashboard.counts.sources', { smart_count: counts.data.sources.totalCount }),
                  entities: translate('console.dashboard.counts.entities', { smart_count: counts.data.entities.totalCount }),
                })
              : ' '
          }
        />
        <CardContent>
          {counts.error ? <Alert severity="error">{(counts.error as Error).message}</Alert> : null}
          {/* On a phone each kind's counts wrap under its name, where seven columns were cut off at the card's edge. */}
          <Table
            size="small"
            sx={(theme) => ({
              maxWidth: 720,
              [theme.breakpoints.down('sm')]: { '& tr': { display: 'flex', flexWrap: 'wrap' }, '& th': { width: '100%', borderBottom: 0 } },
            })}
          >
            <TableBody>
              {(['claims', 'events'] as const).map((kind) => (
                <TableRow key={kind}>
                  <TableCell component="th">{translate(`resources.${kind}.name`, { smart_count: 2 })}</TableCell>
                  {STATUSES.map((status) => (
                    <TableCell key={status} align="center">
                      <MuiLink
                        component={Link}
                        to={`/${kind}?filter=${encodeURIComponent(JSON.stringify({ status: [status] }))}`}
                        underline="none"
                      >
                        <Stack alignItems="center" spacing={0.5}>
                          <Typography variant="h6" data-testid={`count-${kind}-${status}`}>
                            {counts.data?.[`${kind}_${status}`]?.totalCount ?? '…'}
                          </Typography>
                          <StatusChip status={status} />
                        </Stack>
                      </MuiLink>
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardHeader title={translate('console.dashboard.timeline.title')} subheader={translate('console.dashboard.timeline.subheader')} />
        <CardContent>{timeline.data ? <Timeline events={timeline.data} /> : null}</CardContent>
      </Card>
      {staff ? (
        <Card variant="outlined">
          <CardHeader
            title={
              actor
                ? translate('console.dashboard.latest.by', {
                    name: readableActor(latest.data?.edges[0]?.node.actorName ?? actor, translate),
                  })
                : translate('console.dashboard.latest.title')
            }
            subheader={
              actor ? (
                <MuiLink component={Link} to="/">
                  {translate('console.dashboard.latest.everyone')}
                </MuiLink>
              ) : null
            }
          />
          <CardContent>
            <Table size="small" data-testid="latest-changes">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('console.dashboard.latest.when')}</TableCell>
                  <TableCell>{translate('console.dashboard.latest.who')}</TableCell>
                  <TableCell>{translate('console.dashboard.latest.change')}</TableCell>
                  <TableCell>{translate('console.dashboard.latest.record')}</TableCell>
                  <TableCell>{translate('console.dashboard.latest.why')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {latest.data?.edges.map(({ node }) => (
                  <TableRow key={node.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{dates.moment(node.createdAt)}</TableCell>
                    <TableCell>{readableActor(node.actorName, translate)}</TableCell>
                    <TableCell>{label(node.operation).toLowerCase()}</TableCell>
                    <TableCell>
                      {RESOURCE_OF[node.recordType] ? (
                        <MuiLink component={Link} to={`/${RESOURCE_OF[node.recordType]}/${node.recordId}/show`}>
                          {label(node.recordType)}
                        </MuiLink>
                      ) : (
                        label(node.recordType)
                      )}
                    </TableCell>
                    <TableCell>{node.reason ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </Stack>
  );
}

type TimelineEvent = TimelineQuery['events']['edges'][number]['node'];

const WIDTH = 1000;
const ROW = 18;

function Timeline({ events }: { events: TimelineEvent[] }) {
  const navigate = useNavigate();
  const translate = useTranslate();
  const label = useVocabulary();
  const dates = useDates();
  const [locale] = useLocaleState();
  const placed = events
    .map((event) => ({ event, extent: extentOf(event) }))
    .filter((row): row is { event: TimelineEvent; extent: { from: number; to: number } } => row.extent !== null)
    .sort((a, b) => a.extent.from - b.extent.from);
  const axis = axisOf(placed.map((row) => row.extent));
  if (!axis) return <Typography color="text.secondary">{translate('console.dashboard.timeline.empty')}</Typography>;
  const x = (time: number) => ((time - axis.from) / (axis.to - axis.from)) * WIDTH;
  const height = placed.length * ROW + 30;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ minWidth: 700, fontFamily: 'system-ui', fontSize: 11 }}
        role="img"
        aria-label={translate('console.dashboard.timeline.label')}
      >
        {monthTicks(axis).map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 20} stroke="#e0e0e0" />
            <text x={x(tick) + 2} y={height - 6} fill="#666">
              {new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(tick)}
            </text>
          </g>
        ))}
        {placed.map(({ event, extent }, i) => {
          const left = x(extent.from);
          const width = Math.max(x(extent.to) - left, 3);
          const textLeft = left + width + 4 > WIDTH - 340 ? left - 4 : left + width + 4;
          return (
            <g
              key={event.id}
              onClick={() => navigate(`/events/${event.id}/show`)}
              style={{ cursor: 'pointer' }}
              data-testid="timeline-event"
              data-precision={event.start?.precision}
            >
              <title>{`${event.title}: ${dates.span(event.start, event.end)}${event.timeExpression ? ` (“${event.timeExpression}”)` : ''} · ${label(event.status)}`}</title>
              <rect
                x={left}
                y={i * ROW + 3}
                width={width}
                height={ROW - 6}
                rx={2}
                fill={STATUS_COLOURS[event.status] ?? '#888'}
                opacity={0.8}
              />
              <text x={textLeft} y={i * ROW + ROW - 5} textAnchor={textLeft < left ? 'end' : 'start'} fill="#333">
                {/* The bar's colour is the status; its name is written too, so no one needs to tell the colours apart. */}
                {`${event.title.length > 48 ? `${event.title.slice(0, 47)}…` : event.title} · ${label(event.status)}`}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
