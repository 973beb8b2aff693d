using CartStream.Transform.Cleaning;
using global::Parquet;
using global::Parquet.Schema;

namespace CartStream.Transform.Parquet;

/// <summary><c>fact_sales</c> rows of one part (one event date), column by column.</summary>
internal sealed class FactSalesTable : IParquetTable
{
    private static readonly DataField<string> EventIdField = ParquetFields.Text("event_id");
    private static readonly DataField<string> OrderIdField = ParquetFields.Text("order_id");
    private static readonly DataField<int> LineNumberField = new("line_number", nullable: false);
    private static readonly DataField<int> DateKeyField = new("date_key", nullable: false);
    private static readonly DateTimeDataField EventTimeField = ParquetFields.UtcTimestamp("event_time");
    private static readonly DataField<long> CustomerKeyField = ParquetFields.Key("customer_key");
    private static readonly DataField<long> ProductKeyField = ParquetFields.Key("product_key");
    private static readonly DataField<long> AddressKeyField = ParquetFields.Key("address_key");
    private static readonly DataField<long> PaymentMethodKeyField = ParquetFields.Key("payment_method_key");
    private static readonly DataField<long> ChannelKeyField = ParquetFields.Key("channel_key");
    private static readonly DataField<long> OrderStatusKeyField = ParquetFields.Key("order_status_key");
    private static readonly DataField<long> CurrencyKeyField = ParquetFields.Key("currency_key");
    private static readonly DataField<string> PromotionCodeField = ParquetFields.Text("promotion_code", nullable: true);
    private static readonly DataField<int> QuantityField = new("quantity", nullable: false);
    private static readonly DecimalDataField UnitPriceField = ParquetFields.Money("unit_price");
    private static readonly DecimalDataField DiscountField = ParquetFields.Fraction("discount");
    private static readonly DecimalDataField GrossField = ParquetFields.Money("gross");
    private static readonly DecimalDataField DiscountAmountField = ParquetFields.Money("discount_amount");
    private static readonly DecimalDataField NetField = ParquetFields.Money("net");
    private static readonly DecimalDataField CostField = ParquetFields.Money("cost", nullable: true);
    private static readonly DecimalDataField MarginField = ParquetFields.Money("margin", nullable: true);
    private static readonly DataField<string> SourceFileField = ParquetFields.Text("source_file");
    private static readonly DataField<long> SourceOffsetField = new("source_offset", nullable: false);

    private readonly ColumnBuffer<string> _eventId = new();
    private readonly ColumnBuffer<string> _orderId = new();
    private readonly ColumnBuffer<int> _lineNumber = new();
    private readonly ColumnBuffer<int> _dateKey = new();
    private readonly ColumnBuffer<DateTime> _eventTime = new();
    private readonly ColumnBuffer<long> _customerKey = new();
    private readonly ColumnBuffer<long> _productKey = new();
    private readonly ColumnBuffer<long> _addressKey = new();
    private readonly ColumnBuffer<long> _paymentMethodKey = new();
    private readonly ColumnBuffer<long> _channelKey = new();
    private readonly ColumnBuffer<long> _orderStatusKey = new();
    private readonly ColumnBuffer<long> _currencyKey = new();
    private readonly ColumnBuffer<string?> _promotionCode = new();
    private readonly ColumnBuffer<int> _quantity = new();
    private readonly ColumnBuffer<decimal> _unitPrice = new();
    private readonly ColumnBuffer<decimal> _discount = new();
    private readonly ColumnBuffer<decimal> _gross = new();
    private readonly ColumnBuffer<decimal> _discountAmount = new();
    private readonly ColumnBuffer<decimal> _net = new();
    private readonly ColumnBuffer<decimal?> _cost = new();
    private readonly ColumnBuffer<decimal?> _margin = new();
    private readonly ColumnBuffer<string> _sourceFile = new();
    private readonly ColumnBuffer<long> _sourceOffset = new();

    /// <summary>The schema every <c>fact_sales</c> part has.</summary>
    public static ParquetSchema TableSchema { get; } = new(
        EventIdField, OrderIdField, LineNumberField, DateKeyField, EventTimeField, CustomerKeyField, ProductKeyField,
        AddressKeyField, PaymentMethodKeyField, ChannelKeyField, OrderStatusKeyField, CurrencyKeyField,
        PromotionCodeField, QuantityField, UnitPriceField, DiscountField, GrossField, DiscountAmountField, NetField,
        CostField, MarginField, SourceFileField, SourceOffsetField);

    public ParquetSchema Schema => TableSchema;

    public int Count => _eventId.Count;

    public IReadOnlyList<DataField> DictionaryColumns { get; } = [PromotionCodeField, SourceFileField];

    /// <summary>Adds one order line with the keys already derived.</summary>
    public void Add(CleanSale sale, in SaleKeys keys, string sourceFile, long sourceOffset)
    {
        _eventId.Add(sale.EventId.ToString());
        _orderId.Add(sale.OrderId);
        _lineNumber.Add(sale.LineNumber);
        _dateKey.Add(keys.DateKey);
        _eventTime.Add(sale.EventTime);
        _customerKey.Add(keys.Customer);
        _productKey.Add(keys.Product);
        _addressKey.Add(keys.Address);
        _paymentMethodKey.Add(keys.PaymentMethod);
        _channelKey.Add(keys.Channel);
        _orderStatusKey.Add(keys.OrderStatus);
        _currencyKey.Add(keys.Currency);
        _promotionCode.Add(sale.PromotionCode);
        _quantity.Add(sale.Quantity);
        var amounts = sale.Amounts;
        _unitPrice.Add(amounts.UnitPrice);
        _discount.Add(sale.Discount);
        _gross.Add(amounts.Gross);
        _discountAmount.Add(amounts.DiscountAmount);
        _net.Add(amounts.Net);
        _cost.Add(amounts.Cost);
        _margin.Add(amounts.Margin);
        _sourceFile.Add(sourceFile);
        _sourceOffset.Add(sourceOffset);
    }

    public async Task WriteColumnsAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAsync(EventIdField, _eventId.AsSegment());
        await rowGroup.WriteAsync(OrderIdField, _orderId.AsSegment());
        await rowGroup.WriteAsync(LineNumberField, _lineNumber.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(DateKeyField, _dateKey.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(EventTimeField, _eventTime.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(CustomerKeyField, _customerKey.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(ProductKeyField, _productKey.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(AddressKeyField, _addressKey.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(PaymentMethodKeyField, _paymentMethodKey.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(ChannelKeyField, _channelKey.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(OrderStatusKeyField, _orderStatusKey.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(CurrencyKeyField, _currencyKey.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(PromotionCodeField, _promotionCode.AsSegment()!);
        await rowGroup.WriteAsync(QuantityField, _quantity.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(UnitPriceField, _unitPrice.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(DiscountField, _discount.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(GrossField, _gross.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(DiscountAmountField, _discountAmount.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(NetField, _net.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(CostField, _cost.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(MarginField, _margin.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(SourceFileField, _sourceFile.AsSegment());
        await rowGroup.WriteAsync(SourceOffsetField, _sourceOffset.AsMemory(), cancellationToken: cancellationToken);
    }
}
