using System.Diagnostics.Metrics;
using Confluent.Kafka;

namespace CartStream.Lake.Sink;

/// <summary>The sink's consumer lag, for the <c>cartstream.sink.consumer_lag</c> gauge.</summary>
public sealed partial class LakeSink
{
    private readonly Lock _lagLock = new();

    /// <summary>
    /// The lag of each assigned partition: high watermark minus position, both from what the client already holds
    /// (the fetch responses carry the high watermark), so collecting the gauge costs no broker call.
    /// </summary>
    internal IReadOnlyList<Measurement<long>> ObserveLag()
    {
        lock (_lagLock)
        {
            if (_consumer is not { } consumer)
            {
                return [];
            }

            var lag = new List<Measurement<long>>();
            try
            {
                foreach (var tp in consumer.Assignment)
                {
                    var high = consumer.GetWatermarkOffsets(tp).High;
                    var position = consumer.Position(tp);
                    if (high != Offset.Unset && position != Offset.Unset)
                    {
                        lag.Add(new Measurement<long>(Math.Max(0, high.Value - position.Value), new KeyValuePair<string, object?>("topic", tp.Topic), new KeyValuePair<string, object?>("partition", tp.Partition.Value)));
                    }
                }
            }
            catch (KafkaException)
            {
                // Closing or rebalancing: this collection shows no lag for the sink rather than a wrong one.
            }

            return lag;
        }
    }

    // The gauge is read from another thread: the consumer leaves it before it is disposed.
    private void StopObservingLag()
    {
        LakeSinkMetrics.Untrack(this);
        lock (_lagLock)
        {
            _consumer = null;
        }
    }
}
