using CartStream.Broker.Benchmark;

// dotnet run -c Release --project benchmarks/CartStream.Broker.Benchmark -- run [messages] [bytes]
// The other commands are the child processes the run starts.
return args.FirstOrDefault() switch
{
    "run" => await Orchestrator.RunAsync(
        args.Length > 1 ? int.Parse(args[1]) : 1_000_000,
        args.Length > 2 ? int.Parse(args[2]) : 200),
    "produce" => ClientRoles.Produce(args[1], args[2], int.Parse(args[3]), int.Parse(args[4])),
    "consume" => ClientRoles.Consume(args[1], args[2], int.Parse(args[3])),
    "mock-host" => ClientRoles.HostMock(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: run [messages] [bytes] | produce BOOTSTRAP TOPIC N BYTES | consume BOOTSTRAP TOPIC N | mock-host");
    return 2;
}
