# For the benchmark scripts: builds the command line, then starts the embedded broker and the schema registry, each
# its own process, on random ports with a fresh temporary data folder. Sets cli (how to run cartstream), work (the
# folder), broker_port, registry_port, and broker and registry (their pids). Callers set their own EXIT trap right
# after, since each stops more processes of its own, and give the servers a moment to listen.
start_local_kafka() {
  dotnet build src/CartStream.Cli -c Release -v q -nologo >/dev/null
  cli="dotnet src/CartStream.Cli/bin/Release/net10.0/cartstream.dll"
  work=$(mktemp -d)
  broker_port=$((40000 + RANDOM % 10000)); registry_port=$((broker_port + 1))
  $cli broker --data-dir "$work" --port "$broker_port" >"$work/broker.log" 2>&1 &
  broker=$!
  $cli registry --data-dir "$work" --port "$registry_port" >"$work/registry.log" 2>&1 &
  registry=$!
}
