import { COMMANDS, CONFORMANCE_USAGE } from './args.js';
import { EVIDENCE_USAGE } from './evidence.js';
import { LIST_USAGE } from './list.js';
import { MOCK_USAGE } from './mock.js';
import { SPEC_USAGE } from './spec.js';

/** What `grafana-api-contract --help` (and `help`) prints: the commands, and where to read more. */
export const OVERVIEW = `Usage: grafana-api-contract COMMAND [options]

Checks Grafana servers and clients against the contract of Grafana's user and organization
HTTP API: an OpenAPI description, with one document per Grafana version.

Commands:
  conformance    run the contract cases against the mock (--mock) or a Grafana (--url)
  spec           print the OpenAPI document of one Grafana version
  mock           serve the contract's mock for your own client, until Ctrl-C
  list           list the operations with their number of cases and their tags
  evidence       check recorded requests and responses against the spec
  help COMMAND   show a command's options and examples (the same as COMMAND --help)

Examples:
  grafana-api-contract conformance --mock
  grafana-api-contract conformance --url http://localhost:3000 --user admin --password admin

Options:
  -h, --help             show this help
  -v, --version          show the version`;

const USAGES: Record<(typeof COMMANDS)[number], string> = {
  conformance: CONFORMANCE_USAGE,
  evidence: EVIDENCE_USAGE,
  list: LIST_USAGE,
  mock: MOCK_USAGE,
  spec: SPEC_USAGE,
};

/** The help of one command, or the overview (topic null). */
export function helpText(topic: (typeof COMMANDS)[number] | null): string {
  return topic ? USAGES[topic] : OVERVIEW;
}
