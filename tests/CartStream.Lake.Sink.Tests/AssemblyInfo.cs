using CartStream.Ingestion.Tests;

// One broker and one registry process for the whole run; every test uses its own topic.
[assembly: AssemblyFixture(typeof(KafkaServers))]
