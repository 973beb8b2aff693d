// Registers the compression codecs kafkajs lacks (snappy, lz4, zstd), so it reads any batch a Kafka producer writes.
'use strict';
const { CompressionTypes, CompressionCodecs } = require('kafkajs');
const SnappyCodec = require('kafkajs-snappy');
const lz4 = require('lz4js');
const { ZstdCodec } = require('zstd-codec');

function registerCodecs() {
  CompressionCodecs[CompressionTypes.Snappy] = SnappyCodec;
  CompressionCodecs[CompressionTypes.LZ4] = () => ({
    compress: async (encoder) => Buffer.from(lz4.compress(encoder.buffer)),
    decompress: async (buffer) => Buffer.from(lz4.decompress(buffer)),
  });
  const zstdReady = new Promise((resolve) => ZstdCodec.run((zstd) => resolve(new zstd.Simple())));
  CompressionCodecs[CompressionTypes.ZSTD] = () => ({
    compress: async (encoder) => Buffer.from((await zstdReady).compress(encoder.buffer, 3)),
    decompress: async (buffer) => Buffer.from((await zstdReady).decompress(buffer)),
  });
}

module.exports = { registerCodecs };
