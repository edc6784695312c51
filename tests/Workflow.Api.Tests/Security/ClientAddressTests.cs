using System.Net;
using Workflow.Api.Security;

namespace Workflow.Api.Tests.Security;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_address_is_counted_by_its_network_where_one_subscriber_holds_many(string address, string partition) =>
        Assert.Equal(partition, ClientAddress.Partition(IPAddress.Parse(address)));

    [Fact]
    public void Two_addresses_of_one_IPv6_subscriber_share_a_partition_and_another_network_does_not()
    {
        Assert.Equal(ClientAddress.Partition(IPAddress.Parse("2001:db8:5:6::1")),
            ClientAddress.Partition(IPAddress.Parse("2001:db8:5:6:ffff::9")));
        Assert.NotEqual(ClientAddress.Partition(IPAddress.Parse("2001:db8:5:6::1")),
            ClientAddress.Partition(IPAddress.Parse("2001:db8:5:7::1")));
    }
}
