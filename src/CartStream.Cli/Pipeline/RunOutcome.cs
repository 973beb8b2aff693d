namespace CartStream.Cli.Pipeline;

/// <summary>How a pipeline run ended; the value is the process exit code.</summary>
internal enum RunOutcome
{
    /// <summary>Every generated event is a row of the model.</summary>
    Complete = 0,

    /// <summary>A stage failed.</summary>
    Failed = 1,

    /// <summary>No stage made progress for the stall timeout.</summary>
    Stalled = 2,

    /// <summary>Stopped by Ctrl-C after draining.</summary>
    Interrupted = 130,
}
