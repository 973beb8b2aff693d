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
    private readonly Dictionary<string, long> _rejectedByRule = new(StringComparer.Ordinal);

    // The hot path reaches each dimension through a field, not a dictionary look-up by name per row.
    private readonly DimensionTable _dimDate;
    private readonly DimensionTable _dimCustomer;
    private readonly DimensionTable _dimProduct;
    private readonly DimensionTable _dimPaymentMethod;
    private readonly DimensionTable _dimChannel;
    private readonly DimensionTable _dimOrderStatus;
    private readonly DimensionTable _dimAddress;
    private readonly DimensionTable _dimCity;
    private readonly DimensionTable _dimCountry;

    public StarModelBatch(ReferenceData reference)
    {
        var dimensions = CreateDimensions();
        Dimensions = dimensions;
        _dimDate = dimensions[TableName.DimDate];
        _dimCustomer = dimensions[TableName.DimCustomer];
        _dimProduct = dimensions[TableName.DimProduct];
        _dimPaymentMethod = dimensions[TableName.DimPaymentMethod];
        _dimChannel = dimensions[TableName.DimChannel];
        _dimOrderStatus = dimensions[TableName.DimOrderStatus];
        _dimAddress = dimensions[TableName.DimAddress];
        _dimCity = dimensions[TableName.DimCity];
        _dimCountry = dimensions[TableName.DimCountry];
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

    /// <summary>Rejected rows by the first reject rule each failed (catalogue order), so the counts add up to <see cref="RejectedCount"/>.</summary>
    public IReadOnlyDictionary<string, long> RejectedByRule => _rejectedByRule;

    /// <summary>Adds a clean order line and whatever dimension rows it needs.</summary>
    public void AddSale(CleanSale sale, in RecordOrigin origin)
    {
        var date = DateOnly.FromDateTime(sale.EventTime);
        var keys = new SaleKeys(
            AddDate(date),
            AddCustomer(sale),
            AddProduct(sale),
            AddAddress(sale),
            AddNamed(_dimPaymentMethod, sale.PaymentMethod),
            AddChannel(sale),
            AddNamed(_dimOrderStatus, sale.OrderStatus),
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
        var rule = record.RuleCodes.Count > 0 ? record.RuleCodes[0] : "unknown";
        _rejectedByRule[rule] = _rejectedByRule.GetValueOrDefault(rule) + 1;
    }
}
