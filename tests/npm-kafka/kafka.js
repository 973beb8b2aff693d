// Drives kafkajs, an independent pure-JavaScript Kafka client, against a broker for the compatibility tests.
// Usage: node kafka.js <command> '<json arguments>'; results are printed as one JSON line per event.
'use strict';
const { Kafka, CompressionTypes, logLevel } = require('kafkajs');
const { registerCodecs } = require('./codecs');

registerCodecs();

const codecs = {
  none: CompressionTypes.None, gzip: CompressionTypes.GZIP, snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4, zstd: CompressionTypes.ZSTD,
};

const [command, json] = process.argv.slice(2);
const args = JSON.parse(json || '{}');
const kafka = new Kafka({
  clientId: 'kafkajs-check',
  brokers: [args.brokers],
  logLevel: logLevel.ERROR,
  retry: { initialRetryTime: 100, retries: 10 },
});
const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');

async function createTopic() {
  const admin = kafka.admin();
  await admin.connect();
  const created = await admin.createTopics({ topics: [{ topic: args.topic, numPartitions: args.partitions }], waitForLeaders: true });
  const metadata = await admin.fetchTopicMetadata({ topics: [args.topic] });
  emit({ created, partitions: metadata.topics[0].partitions.length });
  await admin.disconnect();
}

async function produce() {
  const producer = kafka.producer({ idempotent: !!args.idempotent, maxInFlightRequests: args.idempotent ? 1 : undefined });
  await producer.connect();
  const offsets = [];
  for (let start = 0; start < args.count; start += 100) {
    const messages = [];
    for (let i = start; i < Math.min(args.count, start + 100); i++) {
      messages.push({ key: `k${i}`, value: `${args.prefix || 'v'}${i}`, headers: { seq: `${i}` } });
    }
    const result = await producer.send({ topic: args.topic, messages, acks: -1, compression: codecs[args.codec || 'none'] });
    offsets.push(...result.map((r) => ({ partition: r.partition, baseOffset: r.baseOffset })));
  }
  emit({ produced: args.count, offsets });
  await producer.disconnect();
}

async function consume() {
  const consumer = kafka.consumer({ groupId: args.group, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: args.topic, fromBeginning: true });
  const messages = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${messages.length} of ${args.count} messages`)), 60000);
    consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (messages.length >= args.count) return;
        messages.push({ partition, offset: message.offset, key: message.key.toString(), value: message.value.toString(), seq: message.headers.seq.toString() });
        if (messages.length === args.count) {
          if (args.commit) {
            await consumer.commitOffsets([{ topic: args.topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
          }
          clearTimeout(timer);
          resolve();
        }
      },
    }).catch(reject);
  });
  await consumer.disconnect();
  emit({ consumed: messages });
}

// A group member that reports each assignment it gets, until its stdin closes (then it leaves the group).
async function member() {
  const consumer = kafka.consumer({ groupId: args.group, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 200, rebalanceTimeout: 10000 });
  consumer.on(consumer.events.GROUP_JOIN, (e) => emit({ assignment: e.payload.memberAssignment[args.topic] || [] }));
  await consumer.connect();
  await consumer.subscribe({ topic: args.topic, fromBeginning: true });
  await consumer.run({ eachMessage: async () => {} });
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on('end', resolve));
  await consumer.disconnect();
  emit({ left: true });
}

const commands = { createTopic, produce, consume, member };
commands[command]().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
