// An independent consumer of the events topic: kafkajs reads every message, avsc decodes each one with the
// writer schema fetched from the schema registry by the id in its Confluent wire-format header.
// Usage: node decode-events.js '{"brokers":"127.0.0.1:9092","topic":"sales-events","registry":"http://...","expected":1000}'
// Prints one JSON summary line: message count, decoded count, the sequences (cartstream-seq header) of messages
// that did not decode, and the sequences of later copies of an event id already seen.
'use strict';
const { Kafka, logLevel } = require('kafkajs');
const avro = require('avsc');
const { registerCodecs } = require('./codecs');

registerCodecs();
const args = JSON.parse(process.argv[2] || '{}');
const kafka = new Kafka({ clientId: 'avsc-check', brokers: [args.brokers], logLevel: logLevel.ERROR });
const schemas = new Map();

async function writerType(id) {
  if (!schemas.has(id)) {
    schemas.set(id, (async () => {
      const response = await fetch(`${args.registry}/schemas/ids/${id}`);
      if (!response.ok) throw new Error(`registry answered ${response.status} for schema id ${id}`);
      const body = await response.json();
      return avro.Type.forSchema(JSON.parse(body.schema), { logicalTypes: {} });
    })());
  }
  return schemas.get(id);
}

async function decode(value) {
  if (!value || value.length < 5 || value[0] !== 0) return null;
  try {
    const type = await writerType(value.readInt32BE(1));
    const { value: record, offset } = type.decode(value, 5);
    return offset === value.length ? record : null;
  } catch {
    return null;
  }
}

async function main() {
  const consumer = kafka.consumer({ groupId: `avsc-check-${Date.now()}`, maxBytesPerPartition: 4 << 20 });
  await consumer.connect();
  await consumer.subscribe({ topic: args.topic, fromBeginning: true });
  const firstSeqOf = new Map();
  const undecodable = [];
  const laterCopies = [];
  let messages = 0;
  let decoded = 0;
  let resolveDone;
  const done = new Promise((resolve) => { resolveDone = resolve; });
  let idle = setTimeout(resolveDone, args.idleMs || 30000);
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        messages++;
        const seq = Number(message.headers['cartstream-seq'].readBigInt64BE(0));
        const record = await decode(message.value);
        if (record === null) {
          undecodable.push(seq);
          continue;
        }
        decoded++;
        const first = firstSeqOf.get(record.event_id);
        if (first === undefined) firstSeqOf.set(record.event_id, seq);
        else laterCopies.push(Math.max(seq, first)), firstSeqOf.set(record.event_id, Math.min(seq, first));
      }
      clearTimeout(idle);
      if (messages >= args.expected) resolveDone();
      else idle = setTimeout(resolveDone, args.idleMs || 30000);
    },
  });
  await done;
  await consumer.disconnect();
  undecodable.sort((a, b) => a - b);
  laterCopies.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ messages, decoded, uniqueEventIds: firstSeqOf.size, undecodable, laterCopies }) + '\n');
}

main().catch((error) => { process.stderr.write(`${error.stack}\n`); process.exit(1); });
