namespace CartStream.Transform.Model;

/// <summary>Names of the model's tables: folder names under <c>DWH/</c> and the salt of their surrogate keys.</summary>
public static class TableName
{
    /// <summary>The fact table, one row per order line.</summary>
    public const string FactSales = "fact_sales";

    /// <summary>Records that failed a reject rule, with every failed code.</summary>
    public const string Rejected = "rejected";

    /// <summary>Calendar days.</summary>
    public const string DimDate = "dim_date";

    /// <summary>Customers.</summary>
    public const string DimCustomer = "dim_customer";

    /// <summary>Products with category, subcategory and brand.</summary>
    public const string DimProduct = "dim_product";

    /// <summary>Payment methods.</summary>
    public const string DimPaymentMethod = "dim_payment_method";

    /// <summary>Sales channel and device pairs.</summary>
    public const string DimChannel = "dim_channel";

    /// <summary>Order statuses.</summary>
    public const string DimOrderStatus = "dim_order_status";

    /// <summary>Currencies with their USD exchange rate.</summary>
    public const string DimCurrency = "dim_currency";

    /// <summary>Shipping addresses (street and postal code in a city).</summary>
    public const string DimAddress = "dim_address";

    /// <summary>Cities in a country.</summary>
    public const string DimCity = "dim_city";

    /// <summary>Countries.</summary>
    public const string DimCountry = "dim_country";

    /// <summary>Tables partitioned by <c>event_date=</c>.</summary>
    public static IReadOnlyList<string> DatePartitioned { get; } = [FactSales, Rejected];

    /// <summary>Every dimension, in the order they are written.</summary>
    public static IReadOnlyList<string> Dimensions { get; } =
    [
        DimDate, DimCustomer, DimProduct, DimPaymentMethod, DimChannel, DimOrderStatus, DimCurrency,
        DimAddress, DimCity, DimCountry,
    ];
}
