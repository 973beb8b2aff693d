namespace CartStream.Cli.Pipeline;

/// <summary>One look at every stage's progress, as the lake and the broker record it.</summary>
/// <param name="ProducerDone">The generator has produced everything it was asked for.</param>
/// <param name="TopicRecords">Records in the events topic.</param>
/// <param name="Landed">Records the sink has published to the lake.</param>
/// <param name="UntransformedFiles">Raw and dead-letter files the transform has not checkpointed.</param>
/// <param name="Transformed">Records this process has transformed.</param>
/// <param name="WarehouseRows">Rows in the warehouse's fact and rejected tables.</param>
internal sealed record PipelineSnapshot(bool ProducerDone, long TopicRecords, long Landed, int UntransformedFiles, long Transformed, long WarehouseRows)
{
    /// <summary>Every record of the topic is a row of the warehouse: a fact or a rejected row.</summary>
    public bool IsComplete => ProducerDone && Landed >= TopicRecords && UntransformedFiles == 0 && WarehouseRows >= TopicRecords;

    /// <summary>The first stage still owing work: where a run that stopped moving is stuck.</summary>
    public string PendingStage =>
        !ProducerDone ? "produce" : Landed < TopicRecords ? "sink" : UntransformedFiles > 0 ? "transform" : WarehouseRows < TopicRecords ? "load" : "none";

    /// <summary>True when some counter moved since <paramref name="previous"/>.</summary>
    public bool MovedSince(PipelineSnapshot previous) =>
        ProducerDone != previous.ProducerDone || TopicRecords != previous.TopicRecords || Landed != previous.Landed
        || UntransformedFiles != previous.UntransformedFiles || Transformed != previous.Transformed || WarehouseRows != previous.WarehouseRows;
}
