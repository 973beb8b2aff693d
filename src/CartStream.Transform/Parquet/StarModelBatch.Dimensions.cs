using System.Globalization;
using CartStream.Events.Reference;
using CartStream.Transform.Cleaning;
using CartStream.Transform.Model;
using global::Parquet.Schema;

namespace CartStream.Transform.Parquet;

/// <summary>The dimension side of <see cref="StarModelBatch"/>: schemas and natural keys.</summary>
internal sealed partial class StarModelBatch
{
    /// <summary>Smart key of a day: yyyymmdd, readable and sortable (no hash needed for dates).</summary>
    public static int DateKeyOf(DateOnly date) => (date.Year * 100 + date.Month) * 100 + date.Day;

    private static Dictionary<string, DimensionTable> CreateDimensions()
    {
        DimensionTable[] tables =
        [
            new(TableName.DimDate, new DataField<int>("date_key", false), ParquetFields.Date("date"),
                new DataField<int>("year", false), new DataField<int>("quarter", false), new DataField<int>("month", false),
                ParquetFields.Text("month_name"), new DataField<int>("day", false), new DataField<int>("day_of_week", false),
                ParquetFields.Text("day_name"), new DataField<int>("iso_week", false), new DataField<bool>("is_weekend", false)),
            new(TableName.DimCustomer, ParquetFields.Key("customer_key"), ParquetFields.Text("customer_id"),
                ParquetFields.Text("name", nullable: true), ParquetFields.Text("email"), ParquetFields.Text("segment"),
                ParquetFields.Date("signup_date", nullable: true)),
            new(TableName.DimProduct, ParquetFields.Key("product_key"), ParquetFields.Text("product_id"),
                ParquetFields.Text("name", nullable: true), ParquetFields.Text("category"), ParquetFields.Text("subcategory"),
                ParquetFields.Text("brand")),
            new(TableName.DimPaymentMethod, ParquetFields.Key("payment_method_key"), ParquetFields.Text("payment_method")),
            new(TableName.DimChannel, ParquetFields.Key("channel_key"), ParquetFields.Text("sales_channel"), ParquetFields.Text("device")),
            new(TableName.DimOrderStatus, ParquetFields.Key("order_status_key"), ParquetFields.Text("order_status")),
            new(TableName.DimCurrency, ParquetFields.Key("currency_key"), ParquetFields.Text("currency_code"),
                ParquetFields.Text("currency_name"), new DecimalDataField("usd_per_unit", 18, 6, forceByteArrayEncoding: false, isNullable: false),
                new DataField<int>("minor_units", false)),
            new(TableName.DimAddress, ParquetFields.Key("address_key"), ParquetFields.Text("street", nullable: true),
                ParquetFields.Text("postal_code", nullable: true), ParquetFields.Key("city_key")),
            new(TableName.DimCity, ParquetFields.Key("city_key"), ParquetFields.Text("city_name"), ParquetFields.Key("country_key")),
            new(TableName.DimCountry, ParquetFields.Key("country_key"), ParquetFields.Text("country_code"),
                ParquetFields.Text("country_name"), ParquetFields.Text("currency_code")),
        ];
        return tables.ToDictionary(t => t.Name);
    }

    private int AddDate(DateOnly date)
    {
        var key = DateKeyOf(date);
        var table = _dimDate;
        if (!table.Contains(key))
        {
            var day = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
            table.TryAdd(key, key, date, date.Year, (date.Month + 2) / 3, date.Month,
                CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month), date.Day, day,
                date.DayOfWeek.ToString(), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)), day >= 6);
        }

        return key;
    }

    private long AddCustomer(CleanSale sale)
    {
        var key = SurrogateKey.Of(TableName.DimCustomer, sale.CustomerId);
        var table = _dimCustomer;
        if (!table.Contains(key))
        {
            table.TryAdd(key, key, sale.CustomerId, sale.CustomerName, sale.Email, sale.Segment, sale.SignupDate);
        }

        return key;
    }

    private long AddProduct(CleanSale sale)
    {
        var key = SurrogateKey.Of(TableName.DimProduct, sale.ProductId);
        var table = _dimProduct;
        if (!table.Contains(key))
        {
            table.TryAdd(key, key, sale.ProductId, sale.ProductName, sale.Category, sale.Subcategory, sale.Brand);
        }

        return key;
    }

    private static long AddNamed(DimensionTable table, string value)
    {
        var key = SurrogateKey.Of(table.Name, value);
        if (!table.Contains(key))
        {
            table.TryAdd(key, key, value);
        }

        return key;
    }

    private long AddChannel(CleanSale sale)
    {
        var key = SurrogateKey.Of(TableName.DimChannel, sale.Channel, sale.Device);
        var table = _dimChannel;
        if (!table.Contains(key))
        {
            table.TryAdd(key, key, sale.Channel, sale.Device);
        }

        return key;
    }

    private long AddAddress(CleanSale sale)
    {
        var country = sale.Country;
        var key = SurrogateKey.Of(TableName.DimAddress, country.IsoCode, sale.City, sale.PostalCode, sale.Street);
        var addresses = _dimAddress;
        if (addresses.Contains(key))
        {
            return key;
        }

        var countryKey = SurrogateKey.Of(TableName.DimCountry, country.IsoCode);
        var countries = _dimCountry;
        if (!countries.Contains(countryKey))
        {
            countries.TryAdd(countryKey, countryKey, country.IsoCode, country.Name, country.CurrencyCode);
        }

        var cityKey = SurrogateKey.Of(TableName.DimCity, country.IsoCode, sale.City);
        var cities = _dimCity;
        if (!cities.Contains(cityKey))
        {
            cities.TryAdd(cityKey, cityKey, sale.City, countryKey);
        }

        addresses.TryAdd(key, key, sale.Street, sale.PostalCode, cityKey);
        return key;
    }

    private void AddCurrency(Currency currency)
    {
        var key = SurrogateKey.Of(TableName.DimCurrency, currency.Code);
        Dimensions[TableName.DimCurrency].TryAdd(key, key, currency.Code, currency.Name, currency.UsdPerUnit, currency.MinorUnits);
    }
}
