#!/bin/sh
# compose-check stand-in for the apache/kafka image's bin/kafka-topics.sh (same tool class, Kafka 4.3.1)
exec java -Xmx256m -cp "/opt/kafka/tools-libs/*" org.apache.kafka.tools.TopicCommand "$@"
