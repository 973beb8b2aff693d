using CartStream.Events.Reference;
using CartStream.Transform.Cleaning;
using CartStream.Transform.Model;

namespace CartStream.Transform.Parquet;

/// <summary>
/// The model rows one batch produces: facts and rejected rows split by event date, and the dimension rows the
/// facts refer to. Surrogate keys are derived here, from natural keys only.
/// </summary>
internal sealed partial class StarModelBatch
{
    private readonly Dictionary<DateOnly, FactSalesTable> _facts = [];
    private readonly Dictionary<DateOnly, RejectedTable> _rejected = [];

    public StarModelBatch(ReferenceData reference)
    {
        Dimensions = CreateDimensions();
        foreach (var currency in reference.Currencies)
        {
            // The whole exchange-rate table every batch: it is tiny and the warehouse must know every rate.
            AddCurrency(currency);
        }
    }

    /// <summary>Fact parts by event date.</summary>
    public IReadOnlyDictionary<DateOnly, FactSalesTable> Facts => _facts;

    /// <summary>Rejected parts by event date.</summary>
    public IReadOnlyDictionary<DateOnly, RejectedTable> Rejected => _rejected;

    /// <summary>Dimension tables by name (<see cref="TableName"/>).</summary>
    public IReadOnlyDictionary<string, DimensionTable> Dimensions { get; }

    public long FactCount { get; private set; }

    public long RejectedCount { get; private set; }

    /// <summary>Adds a clean order line and whatever dimension rows it needs.</summary>
    public void AddSale(CleanSale sale, in RecordOrigin origin)
    {
        var date = DateOnly.FromDateTime(sale.EventTime);
        var keys = new SaleKeys(
            AddDate(date),
            AddCustomer(sale),
            AddProduct(sale),
            AddAddress(sale),
            AddNamed(TableName.DimPaymentMethod, sale.PaymentMethod),
            AddChannel(sale),
            AddNamed(TableName.DimOrderStatus, sale.OrderStatus),
            SurrogateKey.Of(TableName.DimCurrency, sale.Currency.Code));
        if (!_facts.TryGetValue(date, out var table))
        {
            _facts[date] = table = new FactSalesTable();
        }

        table.Add(sale, keys, origin.SourceFile, origin.Offset);
        FactCount++;
    }

    /// <summary>Adds a rejected row under its <see cref="RejectedRecord.FiledUnder"/> date.</summary>
    public void AddRejected(RejectedRecord record)
    {
        var date = record.FiledUnder;
        if (!_rejected.TryGetValue(date, out var table))
        {
            _rejected[date] = table = new RejectedTable();
        }

        table.Add(record);
        RejectedCount++;
    }
}
