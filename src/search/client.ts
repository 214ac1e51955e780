// The one Elasticsearch client of a process, created from config and passed in.
import { Client } from '@elastic/elasticsearch';
import type { Config } from '../config.js';

export function createSearchClient(config: Pick<Config, 'elasticsearchUrl' | 'esRequestTimeoutMs'>): Client {
  return new Client({
    node: config.elasticsearchUrl,
    requestTimeout: config.esRequestTimeoutMs,
    maxRetries: 2,
    // One local node (or a load balancer in front of a cluster): sniffing would find
    // publish addresses that may not be reachable from here.
    sniffOnStart: false,
  });
}
