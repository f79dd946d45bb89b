// Every ApiFactory hosts a Hangfire server, and Hangfire keeps its log provider process-wide: a host that is
// disposed while another is starting would leave the other with a disposed logger factory. One host at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
