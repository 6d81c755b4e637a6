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
import { Link, Title, usePermissions } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { counted, readableActor } from '../common/actors';
import { label } from '../common/choices';
import { formatSpan } from '../common/dates';
import { StatusChip } from '../common/status';
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
  const api = useApi();
  const counts = useQuery({ queryKey: ['dashboard', 'counts'], queryFn: () => api.dashboardCounts() });
  const timeline = useQuery({ queryKey: ['dashboard', 'timeline'], queryFn: () => api.timeline() });
  const [params] = useSearchParams();
  const actor = params.get('actor');
  const latest = useQuery({ queryKey: ['dashboard', 'latest', actor], queryFn: () => api.latestChanges(actor), enabled: staff });
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="dashboard">
      <Title title="Dashboard" />
      <Card variant="outlined">
        <CardHeader
          title="Where records stand"
          subheader={
            counts.data
              ? `${counted(counts.data.sources.totalCount, 'source')}, ${counted(counts.data.entities.totalCount, 'entity', 'entities')}`
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
                  <TableCell component="th" sx={{ textTransform: 'capitalize' }}>
                    {kind}
                  </TableCell>
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
        <CardHeader
          title="Timeline"
          subheader="Each event drawn over the period its date is known to: a month-precise event is a month-long band."
        />
        <CardContent>{timeline.data ? <Timeline events={timeline.data} /> : null}</CardContent>
      </Card>
      {staff ? (
        <Card variant="outlined">
          <CardHeader
            title={actor ? `Latest changes by ${readableActor(latest.data?.edges[0]?.node.actorName ?? actor)}` : 'Latest changes'}
            subheader={
              actor ? (
                <MuiLink component={Link} to="/">
                  everyone’s changes
                </MuiLink>
              ) : null
            }
          />
          <CardContent>
            <Table size="small" data-testid="latest-changes">
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Who</TableCell>
                  <TableCell>Change</TableCell>
                  <TableCell>Record</TableCell>
                  <TableCell>Why</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {latest.data?.edges.map(({ node }) => (
                  <TableRow key={node.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(node.createdAt).toLocaleString()}</TableCell>
                    <TableCell>{readableActor(node.actorName)}</TableCell>
                    <TableCell>{node.operation.toLowerCase()}</TableCell>
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
  const placed = events
    .map((event) => ({ event, extent: extentOf(event) }))
    .filter((row): row is { event: TimelineEvent; extent: { from: number; to: number } } => row.extent !== null)
    .sort((a, b) => a.extent.from - b.extent.from);
  const axis = axisOf(placed.map((row) => row.extent));
  if (!axis) return <Typography color="text.secondary">No dated events yet.</Typography>;
  const x = (time: number) => ((time - axis.from) / (axis.to - axis.from)) * WIDTH;
  const height = placed.length * ROW + 30;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ minWidth: 700, fontFamily: 'system-ui', fontSize: 11 }}
        role="img"
        aria-label="Events on a time axis"
      >
        {monthTicks(axis).map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 20} stroke="#e0e0e0" />
            <text x={x(tick) + 2} y={height - 6} fill="#666">
              {new Date(tick).toISOString().slice(0, 7)}
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
              <title>{`${event.title}: ${formatSpan(event.start, event.end)}${event.timeExpression ? ` (“${event.timeExpression}”)` : ''} · ${label(event.status)}`}</title>
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
