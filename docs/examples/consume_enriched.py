#!/usr/bin/env python3
"""Print one line per article of articles.enriched: id, language, title and the most mentioned entities.

    python3 consume_enriched.py [--bootstrap-servers localhost:9092] [--group khabar-example-py]
                                [--from-beginning] [--exit-at-end]

Needs confluent-kafka (pip install confluent-kafka, or Debian's python3-confluent-kafka). Every KAFKA_*
environment variable is passed to librdkafka as a property, named as for the Java services
(KAFKA_SECURITY_PROTOCOL=SASL_SSL becomes security.protocol=SASL_SSL); give SASL credentials with
KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (librdkafka has no sasl.jaas.config).
"""
import argparse
import json
import os
import sys
from collections import Counter

from confluent_kafka import Consumer, KafkaError, KafkaException

TOPIC = "articles.enriched"
NOT_CLIENT = {"KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS",
              "KAFKA_GC_LOG_OPTS", "KAFKA_JMX_OPTS", "KAFKA_DEBUG", "KAFKA_SASL_JAAS_CONFIG"}


def env_properties():
    """KAFKA_FOO_BAR=x -> foo.bar=x (__ stands for _, ___ for -), as the Java services read them."""
    props = {}
    for name, value in os.environ.items():
        if name.startswith("KAFKA_") and name not in NOT_CLIENT and value.strip():
            key = name[len("KAFKA_"):].lower().replace("___", "-").replace("__", "\0")
            props[key.replace("_", ".").replace("\0", "_")] = value
    return props


def top_entities(article, limit=5):
    """The most mentioned entities, most first; ties in order of first mention."""
    counts = Counter()
    types = {}
    for entity in article.get("entities", []):
        counts[entity["text"]] += 1
        types.setdefault(entity["text"], entity["type"])
    ranked = sorted(counts, key=lambda text: -counts[text])  # sorted() is stable: first mention wins ties
    return ", ".join(f"{text} ({types[text]})" for text in ranked[:limit])


def describe(article):
    language = article.get("language", {}).get("code", "und")
    title = (article.get("title") or "").strip().replace("\n", " ") or "(no title)"
    return f"{article['id']}  {language}  {title}  | {top_entities(article)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"))
    parser.add_argument("--group", default="khabar-example-py", help="consumer group (its offsets are committed)")
    parser.add_argument("--from-beginning", action="store_true",
                        help="a group without committed offsets starts at the oldest record (default: the newest)")
    parser.add_argument("--exit-at-end", action="store_true", help="stop once every partition is read to its end")
    args = parser.parse_args()

    config = env_properties()
    config.update({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": args.group,
        # enrich-streams writes in transactions: never show records of an aborted attempt
        "isolation.level": "read_committed",
        "auto.offset.reset": "earliest" if args.from_beginning else "latest",
        "enable.partition.eof": args.exit_at_end,
    })
    consumer = Consumer(config)
    at_end = set()
    try:
        consumer.subscribe([TOPIC])
        while True:
            message = consumer.poll(1.0)
            if message is None:
                continue
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    at_end.add(message.partition())
                    assignment = consumer.assignment()
                    if assignment and at_end >= {p.partition for p in assignment}:
                        break
                    continue
                raise KafkaException(message.error())
            at_end.discard(message.partition())
            try:
                article = json.loads(message.value())
            except (TypeError, ValueError) as error:  # a record that is not JSON: say where, and go on
                print(f"skipping {message.topic()}-{message.partition()}@{message.offset()}: {error}",
                      file=sys.stderr)
                continue
            print(describe(article), flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
