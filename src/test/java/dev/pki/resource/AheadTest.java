package dev.pki.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AheadTest {

    private static final CompletableFuture<String> NOW = CompletableFuture.completedFuture("input");

    @Test
    void startedWork_runsOnAWorker_isTakenOnce() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (Ahead ahead = Ahead.onSpareCores()) {
            ahead.start("h certificate.a", NOW, in -> {
                ran.countDown();
                return in + " on " + Thread.currentThread().getName();
            });
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertTrue(ahead.expects("h certificate.a"));

            assertEquals(Optional.of("input on pki-ahead"), ahead.take("h certificate.a", String.class));
            assertFalse(ahead.expects("h certificate.a"), "taken work leaves the pool");
            assertEquals(Optional.empty(), ahead.take("h certificate.a", String.class));
        }
    }

    @Test
    void startingTwice_startsOneWork() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        try (Ahead ahead = Ahead.onSpareCores()) {
            for (int i = 0; i < 3; i++) {
                ahead.start("h certificate.a", NOW, in -> {
                    runs.incrementAndGet();
                    ran.countDown();
                    return "done";
                });
            }
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertEquals(Optional.of("done"), ahead.take("h certificate.a", String.class));
            assertEquals(1, runs.get());
        }
    }

    @Test
    void eachIdGetsItsOwnResult() throws Exception {
        CountDownLatch ran = new CountDownLatch(50);
        try (Ahead ahead = Ahead.onSpareCores()) {
            for (int i = 0; i < 50; i++) {
                String id = "h certificate." + i;
                ahead.start(id, NOW, in -> {
                    ran.countDown();
                    return id;
                });
            }
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            for (int i = 49; i >= 0; i--) {   // taken in another order than started
                assertEquals(Optional.of("h certificate." + i), ahead.take("h certificate." + i, String.class));
            }
        }
    }

    @Test
    void readyWork_isTakenInTheOrderItWasStarted() throws Exception {
        // One published CA readies every certificate at once, and CompletableFuture hands them
        // over last first: the worker must still go in plan order, or it meets the steps halfway
        // instead of staying ahead of them.
        CompletableFuture<String> ca = new CompletableFuture<>();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.List<Integer> ran = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        CountDownLatch done = new CountDownLatch(30);
        try (Ahead ahead = new Ahead(1)) {
            ahead.start("h directory", NOW, in -> {   // keeps the one worker busy while all become ready
                busy.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 30; i++) {
                int n = i;
                ahead.start("h certificate." + i, ca, in -> {
                    ran.add(n);
                    done.countDown();
                    return n;
                });
            }
            ca.complete("published");
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(java.util.stream.IntStream.range(0, 30).boxed().toList(), ran);
        }
    }

    @Test
    void aStepWaitingOnAWorker_doesTheNextReadyWorkMeanwhile() throws Exception {
        // The one worker is busy with certificate a, which finishes only once b has run; b is
        // ready but the worker cannot get to it. A step taking a must run b itself (on its own
        // thread) rather than wait idle — here, waiting idle would wait forever.
        CountDownLatch aStarted = new CountDownLatch(1);
        CountDownLatch bRan = new CountDownLatch(1);
        java.util.List<String> threadOfB = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (Ahead ahead = new Ahead(1)) {
            ahead.start("h certificate.a", NOW, in -> {
                aStarted.countDown();
                try {
                    return bRan.await(10, TimeUnit.SECONDS) ? "a" : "a, without b";
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(aStarted.await(10, TimeUnit.SECONDS));
            ahead.start("h certificate.b", NOW, in -> {
                threadOfB.add(Thread.currentThread().getName());
                bRan.countDown();
                return "b";
            });

            assertEquals(Optional.of("a"), ahead.take("h certificate.a", String.class));
            assertEquals(java.util.List.of(Thread.currentThread().getName()), threadOfB, "b ran on the waiting step's thread");
            assertEquals(Optional.of("b"), ahead.take("h certificate.b", String.class), "b's result waits for its own step");
        }
    }

    @Test
    void workThatNeverBecomesReady_isTheCallersToDo_withoutWaiting() {
        CompletableFuture<String> never = new CompletableFuture<>();
        AtomicInteger runs = new AtomicInteger();
        try (Ahead ahead = Ahead.onSpareCores()) {
            ahead.start("h certificate.a", never, in -> runs.incrementAndGet());
            assertEquals(Optional.empty(), ahead.take("h certificate.a", Integer.class));
            never.complete("late");   // claimed by the caller: the worker does nothing
        }
        assertEquals(0, runs.get());
    }

    @Test
    void failedWork_andAResultOfAnotherType_areEmpty() throws Exception {
        CountDownLatch ran = new CountDownLatch(2);
        try (Ahead ahead = Ahead.onSpareCores()) {
            ahead.start("h certificate.a", NOW, in -> {
                ran.countDown();
                throw new IllegalStateException("broken");
            });
            ahead.start("h certificate.b", NOW, in -> {
                ran.countDown();
                return 42;
            });
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), ahead.take("h certificate.a", String.class));
            assertEquals(Optional.empty(), ahead.take("h certificate.b", String.class));
        }
    }

    @Test
    void noPool_andClosedPool_doNothingAhead_andReadinessAfterCloseHarmsNobody() {
        Ahead none = Ahead.none();
        none.start("h certificate.a", NOW, in -> "x");
        assertFalse(none.expects("h certificate.a"));
        assertEquals(Optional.empty(), none.take("h certificate.a", String.class));

        CompletableFuture<String> later = new CompletableFuture<>();
        AtomicInteger runs = new AtomicInteger();
        Ahead closed = Ahead.onSpareCores();
        closed.start("h certificate.a", later, in -> runs.incrementAndGet());
        closed.close();
        assertFalse(closed.expects("h certificate.a"), "closing drops what nobody took");
        assertTrue(later.complete("published after apply"), "the publisher is not hurt by a closed pool");
        assertEquals(Optional.empty(), closed.take("h certificate.a", Integer.class));
        assertEquals(0, runs.get());
    }
}
