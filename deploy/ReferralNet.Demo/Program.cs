using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Demo;

// deploy/run.sh calls 'seed'; deploy/ops.sh calls 'redrive'; deploy/load.sh calls 'load', 'overload', 'intake', 'revocations', 'tokens', 'deadlines', 'events', 'directory', 'pages', 'plans' or 'meetings'. Everything goes through the gateway.
var command = args.FirstOrDefault() ?? "help";
string Option(string name, string fallback) =>
    args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() ?? fallback;

var gateway = new GatewayClient(new Uri(Option("gateway", "http://127.0.0.1:8080")));
switch (command)
{
    case "seed":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(int.Parse(Option("wait-seconds", "180"))));
        await DemoNetwork.LoadAsync(gateway);
        return 0;
    case "load":
        // --health /health/live: for a network started without some services (REFERRALNET_SERVICES), whose gateway is not ready.
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), Option("health", "/health/ready"));
        var intakeDatabase = Option("intake-db", "");
        await LoadBenchmark.RunAsync(gateway, int.Parse(Option("referrals", "3000")), int.Parse(Option("rate", "120")),
            intakeDatabase.Length == 0 ? null : intakeDatabase);
        return 0;
    case "overload":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await OverloadBenchmark.RunAsync(gateway, int.Parse(Option("peak", "200")), int.Parse(Option("seconds", "20")),
            [.. Option("multiples", "1,2,3").Split(',').Select(int.Parse)]);
        return 0;
    case "intake":
        // Intake may run alone (deploy/run.sh with REFERRALNET_SERVICES=intake): the gateway is then live, not ready.
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), "/health/live");
        await IntakeBenchmark.RunAsync(gateway, Option("intake-db", ""), Option("identity-secret", ""),
            int.Parse(Option("persons", "100000")), int.Parse(Option("referrals", "9000")), int.Parse(Option("rate", "300")));
        return 0;
    case "caselist":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), "/health/live");
        await CaseListBenchmark.RunAsync(gateway, Option("intake-db", ""), Option("identity-secret", ""),
            int.Parse(Option("persons", "10000")), int.Parse(Option("searches", "200")));
        return 0;
    case "revocations":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await RevocationBenchmark.RunAsync(gateway, int.Parse(Option("count", "100")));
        return 0;
    case "deadlines":
        await DeadlineBenchmark.RunAsync(Option("handoff-db", ""), Option("matching-db", ""), int.Parse(Option("offers", "100000")), int.Parse(Option("due", "1000")));
        return 0;
    case "events":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await EventsBenchmark.RunAsync(gateway, int.Parse(Option("connections", "500")), int.Parse(Option("offers", "100")));
        return 0;
    case "directory":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await DirectoryBenchmark.RunAsync(gateway, int.Parse(Option("services", "10000")), int.Parse(Option("per-organization", "50")),
            int.Parse(Option("searches", "2000")), int.Parse(Option("search-rate", "50")));
        return 0;
    case "pages":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await PagesBenchmark.RunAsync(gateway, TimeSpan.FromSeconds(int.Parse(Option("seconds", "30"))),
            TimeSpan.FromMilliseconds(int.Parse(Option("think-ms", "0"))));
        return 0;
    case "plans":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await PlanBenchmark.RunAsync(gateway, int.Parse(Option("rate", "50")), int.Parse(Option("seconds", "20")));
        return 0;
    case "meetings":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await MeetingBenchmark.RunAsync(gateway, int.Parse(Option("rate", "20")), int.Parse(Option("seconds", "20")));
        return 0;
    case "redrive":
        var queue = Option("queue", "");
        var moved = await ParkedMessages.RedriveAsync(new RabbitMQ.Client.ConnectionFactory
        {
            HostName = "127.0.0.1", Port = int.Parse(Option("broker-port", "5682")), VirtualHost = "/", UserName = "guest", Password = "guest",
        }, queue, CancellationToken.None);
        Console.WriteLine($"{queue}: {moved} parked message(s) sent back.");
        return 0;
    case "tokens":
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await TokenBenchmark.RunAsync(gateway, new Uri(Option("intake", "http://127.0.0.1:5101")),
            TimeSpan.FromSeconds(int.Parse(Option("seconds", "10"))), int.Parse(Option("concurrency", "16")));
        return 0;
    default:
        Console.WriteLine("usage: ReferralNet.Demo seed [--gateway URL] | load [--gateway URL] [--referrals N] [--rate R] [--intake-db CONNECTION] [--health PATH]");
        Console.WriteLine("                        | overload [--gateway URL] [--peak R] [--seconds S] [--multiples 1,2,3]");
        Console.WriteLine("                        | intake [--gateway URL] --intake-db CONNECTION --identity-secret S [--persons N] [--referrals N] [--rate R]");
        Console.WriteLine("                        | revocations [--gateway URL] [--count N]");
        Console.WriteLine("                        | tokens [--gateway URL] [--intake URL] [--seconds S] [--concurrency C]");
        Console.WriteLine("                        | deadlines --handoff-db CONNECTION --matching-db CONNECTION [--offers N] [--due N]");
        Console.WriteLine("                        | events [--gateway URL] [--connections N] [--offers N]");
        Console.WriteLine("                        | directory [--gateway URL] [--services N] [--per-organization N] [--searches N] [--search-rate R]");
        Console.WriteLine("                        | pages [--gateway URL] [--seconds S] [--think-ms MS]");
        Console.WriteLine("                        | plans [--gateway URL] [--rate R] [--seconds S]");
        Console.WriteLine("                        | meetings [--gateway URL] [--rate R] [--seconds S]");
        Console.WriteLine("                        | redrive --queue QUEUE [--broker-port PORT]   (deploy/ops.sh redrive)");
        return command == "help" ? 0 : 2;
}
